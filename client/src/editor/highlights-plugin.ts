/**
 * Claims as highlights in the read-only article. Each stretch of text gets one inline
 * decoration listing every claim covering it (innermost first) and styled by the innermost
 * claim's verdict; each claim also gets a numbered badge button at its start. So overlapping
 * and nested claims all stay visible and separately clickable: a click on text picks the
 * innermost claim there, a badge picks exactly its own claim.
 *
 * New claims and the focused claim are pushed in with `setHighlights` (a transaction meta) and
 * only the claims that changed are redrawn (highlight-decorations.ts); otherwise the
 * decorations are mapped through each transaction. A `patch` draws a few changed claims
 * without comparing the whole list, ahead of the full update (live-highlights.ts).
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet } from 'prosemirror-view';
import {
  buildHighlightDecorations,
  patchHighlightDecorations,
  updateHighlightDecorations,
  type BadgeRecords,
  type Highlight,
  type HighlightsOptions,
  type HighlightsPatch,
  type PatchedHighlights,
  patchedHighlights,
} from './highlight-decorations.js';
import { adoptVerdictColours } from './verdict-colours.js';

export { badgeLabel, buildHighlightDecorations, type ActivatedVia, type Highlight, type HighlightsOptions, type HighlightsPatch } from './highlight-decorations.js';
export { highlightSegments } from './highlight-segments.js';

export interface HighlightsState {
  highlights: readonly Highlight[];
  focusedId: string | null;
  decorations: DecorationSet;
  /** The decorations were mapped through an edit: the next update rebuilds them whole. */
  mapped?: boolean;
  /** Claims drawn by patches since `highlights` were set (highlight-decorations.ts). */
  patched?: PatchedHighlights;
}

export interface HighlightsUpdate {
  highlights?: readonly Highlight[];
  focusedId?: string | null;
  /** A few claims changed, drawn at once; the next full `highlights` brings the rest (numbers) up to date. */
  patch?: HighlightsPatch;
}

export const highlightsKey = new PluginKey<HighlightsState>('claim-highlights');

/**
 * Attaches new highlights and/or a new focused claim to a transaction. It changes only
 * decorations: kept out of the undo history, and it neither sets nor scrolls to the selection.
 */
export function setHighlights(tr: Transaction, update: HighlightsUpdate): Transaction {
  return tr.setMeta(highlightsKey, update).setMeta('addToHistory', false);
}

/** The claim a click on highlighted text picks: the innermost one covering the clicked element. */
export function claimIdAt(target: EventTarget | null): string | null {
  const element = (target as Element | null)?.closest?.('[data-claim-ids]');
  return element?.getAttribute('data-claim-ids')?.split(' ')[0] || null;
}

/** The claim whose badge (in `root`) holds the clicked element, if any. */
function badgeIdAt(root: Element, target: EventTarget | null): string | null {
  const badge = (target as Element | null)?.closest?.('.claim-badge');
  return badge && root.contains(badge) ? badge.getAttribute('data-claim-id') : null;
}

/** The highlights plugin; `options.onActivate` hears which claim a reader picked in the text. */
export function highlightsPlugin(options: HighlightsOptions): Plugin<HighlightsState> {
  const records: BadgeRecords = new Map();
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: (_config, state: EditorState) => ({ highlights: [], focusedId: null, decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, value, _old, state) {
        const update = tr.getMeta(highlightsKey) as HighlightsUpdate | undefined;
        if (update?.patch && !value.mapped) {
          return { ...value, ...patchHighlightDecorations(state.doc, value.decorations, value, update.patch, records) };
        }
        if (update) {
          const drawn = { highlights: patchedHighlights(value.highlights, value.patched), focusedId: value.focusedId };
          const highlights = update.highlights ?? drawn.highlights;
          const focusedId = update.focusedId !== undefined ? update.focusedId : value.focusedId;
          const decorations = value.mapped
            ? buildHighlightDecorations(state.doc, highlights, focusedId, records)
            : updateHighlightDecorations(state.doc, value.decorations, drawn, { highlights, focusedId }, records);
          return { highlights, focusedId, decorations };
        }
        return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), mapped: true } : value;
      },
    },
    view(view) {
      adoptVerdictColours(view.dom.ownerDocument);
      // Every badge's click, heard once here rather than by a listener on each button.
      const onBadgeClick = (event: MouseEvent) => {
        const id = badgeIdAt(view.dom, event.target);
        if (!id) return;
        event.preventDefault();
        options.onActivate(id, 'badge');
      };
      view.dom.addEventListener('click', onBadgeClick);
      return { destroy: () => view.dom.removeEventListener('click', onBadgeClick) };
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
