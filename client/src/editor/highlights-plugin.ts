/**
 * Claims as highlights in the read-only article. Each stretch of text gets one inline
 * decoration listing every claim covering it (innermost first) and styled by the innermost
 * claim's verdict; each claim also gets a numbered badge button at its start. So overlapping
 * and nested claims all stay visible and separately clickable: a click on text picks the
 * innermost claim there, a badge picks exactly its own claim.
 *
 * New claims and the focused claim are pushed in with `setHighlights` (a transaction meta);
 * otherwise the decorations are mapped through each transaction.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { verdict, type VerdictId } from '@factdesk/shared';

/** One claim to show: its number, verdict and where it is. */
export interface Highlight {
  id: string;
  number: number;
  verdict: VerdictId;
  from: number;
  to: number;
}

export interface HighlightsState {
  highlights: readonly Highlight[];
  focusedId: string | null;
  decorations: DecorationSet;
}

export interface HighlightsUpdate {
  highlights?: readonly Highlight[];
  focusedId?: string | null;
}

/** How a claim was picked in the text: by clicking its highlighted text or its badge. */
export type ActivatedVia = 'text' | 'badge';

export interface HighlightsOptions {
  onActivate(id: string, via: ActivatedVia): void;
}

export const highlightsKey = new PluginKey<HighlightsState>('claim-highlights');

/** Attaches new highlights and/or a new focused claim to a transaction. */
export function setHighlights(tr: Transaction, update: HighlightsUpdate): Transaction {
  return tr.setMeta(highlightsKey, update);
}

/** The accessible name of a claim's badge, e.g. "Claim 3: False". */
export function badgeLabel(number: number, verdictId: VerdictId): string {
  return `Claim ${number}: ${verdict(verdictId).label}`;
}

/** Innermost first: the shortest claim, then the later one (nested claims start later). */
function innermostFirst(a: Highlight, b: Highlight): number {
  return a.to - a.from - (b.to - b.from) || b.number - a.number;
}

/** The pieces of text between claim boundaries, each with the claims covering it, innermost first. */
export function highlightSegments(highlights: readonly Highlight[]): { from: number; to: number; covering: Highlight[] }[] {
  const bounds = [...new Set(highlights.flatMap((h) => [h.from, h.to]))].sort((a, b) => a - b);
  const segments: { from: number; to: number; covering: Highlight[] }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i];
    const to = bounds[i + 1];
    const covering = highlights.filter((h) => h.from <= from && h.to >= to).sort(innermostFirst);
    if (covering.length) segments.push({ from, to, covering });
  }
  return segments;
}

function badge(h: Highlight, focused: boolean, options: HighlightsOptions): (view: EditorView) => HTMLElement {
  return (view) => {
    const button = view.dom.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = `claim-badge verdict-${h.verdict}${focused ? ' claim-badge--focused' : ''}`;
    button.dataset.claimId = h.id;
    button.style.setProperty('--v', verdict(h.verdict).colour);
    const label = badgeLabel(h.number, h.verdict);
    button.setAttribute('aria-label', label);
    button.title = label;
    const text = view.dom.ownerDocument.createElement('span');
    text.setAttribute('aria-hidden', 'true');
    text.textContent = `${h.number} ${verdict(h.verdict).icon}`;
    button.append(text);
    button.addEventListener('click', (event) => {
      event.preventDefault();
      options.onActivate(h.id, 'badge');
    });
    return button;
  };
}

/** The decorations of a set of highlights on `doc`. */
export function buildHighlightDecorations(
  doc: Node,
  highlights: readonly Highlight[],
  focusedId: string | null,
  options: HighlightsOptions,
): DecorationSet {
  const size = doc.content.size;
  const valid = highlights.filter((h) => h.from >= 0 && h.to <= size && h.to > h.from);
  const decorations: Decoration[] = [];
  for (const { from, to, covering } of highlightSegments(valid)) {
    const inner = covering[0];
    const classes = ['claim-highlight', `verdict-${inner.verdict}`];
    if (covering.length > 1) classes.push('claim-highlight--nested');
    if (focusedId && covering.some((h) => h.id === focusedId)) classes.push('claim-highlight--focused');
    const claimIds = covering.map((h) => h.id);
    decorations.push(
      Decoration.inline(
        from,
        to,
        { class: classes.join(' '), style: `--v: ${verdict(inner.verdict).colour}`, 'data-claim-ids': claimIds.join(' ') },
        { claimIds, classes },
      ),
    );
  }
  for (const h of valid) {
    const focused = h.id === focusedId;
    decorations.push(
      Decoration.widget(h.from, badge(h, focused, options), {
        side: -1,
        key: `badge:${h.id}:${h.number}:${h.verdict}:${focused ? 1 : 0}`,
        claimId: h.id,
        label: badgeLabel(h.number, h.verdict),
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** The claim a click on highlighted text picks: the innermost one covering the clicked element. */
export function claimIdAt(target: EventTarget | null): string | null {
  const element = (target as Element | null)?.closest?.('[data-claim-ids]');
  return element?.getAttribute('data-claim-ids')?.split(' ')[0] || null;
}

/** The highlights plugin; `options.onActivate` hears which claim a reader picked in the text. */
export function highlightsPlugin(options: HighlightsOptions): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: (_config, state: EditorState) => ({ highlights: [], focusedId: null, decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, value, _old, state) {
        const update = tr.getMeta(highlightsKey) as HighlightsUpdate | undefined;
        if (update) {
          const highlights = update.highlights ?? value.highlights;
          const focusedId = update.focusedId !== undefined ? update.focusedId : value.focusedId;
          return { highlights, focusedId, decorations: buildHighlightDecorations(state.doc, highlights, focusedId, options) };
        }
        return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.decorations,
      handleDOMEvents: {
        click(view, event) {
          // A drag that selected text is a selection, not a pick.
          const selection = view.dom.ownerDocument.getSelection();
          if (selection && !selection.isCollapsed) return false;
          const id = claimIdAt(event.target);
          if (!id) return false;
          options.onActivate(id, 'text');
          return false;
        },
      },
    },
  });
}
