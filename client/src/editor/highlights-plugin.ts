/**
 * Claims as highlights in the read-only article. Each stretch of text gets one inline
 * decoration listing every claim covering it (innermost first) and styled by the innermost
 * claim's verdict; each claim also gets a numbered badge button at its start. So overlapping
 * and nested claims all stay visible and separately clickable: a click on text picks the
 * innermost claim there, a badge picks exactly its own claim. On a long article the badges are
 * drawn only in the blocks near the viewport (near-viewport.ts), as they come near.
 *
 * New claims and the focused claim are pushed in with `setHighlights` (a transaction meta) and
 * only the claims that changed are redrawn (highlight-decorations.ts); otherwise the
 * decorations are mapped through each transaction. A `patch` draws a few changed claims
 * without comparing the whole list, ahead of the full update (live-highlights.ts).
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import {
  buildHighlightDecorations,
  patchHighlightDecorations,
  showBadges,
  updateHighlightDecorations,
  type BadgeRecords,
  type BadgeShown,
  type Highlight,
  type HighlightsOptions,
  type HighlightsPatch,
  type PatchedHighlights,
  patchedHighlights,
} from './highlight-decorations.js';
import { blockAt, watchNearViewport } from './near-viewport.js';
import { adoptVerdictColours } from './verdict-colours.js';

export { badgeLabel, buildHighlightDecorations, type ActivatedVia, type Highlight, type HighlightsOptions, type HighlightsPatch } from './highlight-decorations.js';

export interface HighlightsState {
  highlights: readonly Highlight[];
  focusedId: string | null;
  decorations: DecorationSet;
  /** The decorations were mapped through an edit: the next update rebuilds them whole. */
  mapped?: boolean;
  /** Claims drawn by patches since `highlights` were set (highlight-decorations.ts). */
  patched?: PatchedHighlights;
  /** Blocks that have come near the viewport or held the focused claim (by index); see `badgesShown`. */
  near: ReadonlySet<number>;
}

export interface HighlightsUpdate {
  highlights?: readonly Highlight[];
  focusedId?: string | null;
  /** A few claims changed, drawn at once; the next full `highlights` brings the rest (numbers) up to date. */
  patch?: HighlightsPatch;
  /** Blocks (by index) that came near the viewport: on a long article their badges are drawn now. */
  near?: readonly number[];
}

/**
 * Above this many claims, only the claims in blocks near the viewport have their badge drawn
 * (and the focused claim's block): thousands of buttons built at once made a long article's
 * first paint take seconds. A block keeps its badges once drawn.
 */
export const BADGES_NEAR_VIEWPORT_FROM = 500;

/** Which claims have their badge drawn, given the claims and the blocks near the viewport. */
function badgesShown(doc: Node, claims: number, near: ReadonlySet<number>): BadgeShown {
  return claims <= BADGES_NEAR_VIEWPORT_FROM ? () => true : (h) => near.has(blockAt(doc, h.from));
}

export const highlightsKey = new PluginKey<HighlightsState>('claim-highlights');

/**
 * Attaches new highlights and/or a new focused claim to a transaction. It changes only
 * decorations: kept out of the undo history, and it neither sets nor scrolls to the selection.
 */
export function setHighlights(tr: Transaction, update: HighlightsUpdate): Transaction {
  return tr.setMeta(highlightsKey, update).setMeta('addToHistory', false);
}

/** The claim a click on highlighted text picks: the innermost one covering the clicked text. */
function claimIdAt(view: EditorView, target: EventTarget | null): string | null {
  const piece = (target as Element | null)?.closest?.('.claim-highlight');
  if (!piece || !view.dom.contains(piece)) return null;
  const pos = view.posAtDOM(piece, 0);
  const pieces = highlightsKey.getState(view.state)?.decorations.find(pos, pos, (spec) => spec.claimIds !== undefined) ?? [];
  const drawn = pieces.find((d) => d.from <= pos && d.to > pos);
  return (drawn?.spec.claimIds as string[] | undefined)?.[0] ?? null;
}

/** `near` with `blocks` added (the very same set when it holds them all already). */
function grown(near: ReadonlySet<number>, blocks: readonly number[]): ReadonlySet<number> {
  if (blocks.every((i) => near.has(i))) return near;
  return new Set([...near, ...blocks]);
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
      init: (_config, state: EditorState) => ({ highlights: [], focusedId: null, decorations: DecorationSet.create(state.doc, []), near: new Set() }),
      apply(tr, value, _old, state) {
        const update = tr.getMeta(highlightsKey) as HighlightsUpdate | undefined;
        if (!update) return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), mapped: true } : value;
        const doc = state.doc;
        if (update.near) {
          const near = grown(value.near, update.near);
          if (near === value.near || value.mapped) return { ...value, near };
          const shown = badgesShown(doc, value.highlights.length, near);
          return { ...value, near, decorations: showBadges(doc, value.decorations, records, value.focusedId, shown) };
        }
        if (update.patch && !value.mapped) {
          const shown = badgesShown(doc, value.highlights.length, value.near);
          return { ...value, ...patchHighlightDecorations(doc, value.decorations, value, update.patch, records, shown) };
        }
        const drawn = { highlights: patchedHighlights(value.highlights, value.patched), focusedId: value.focusedId };
        const highlights = update.highlights ?? drawn.highlights;
        const focusedId = update.focusedId !== undefined ? update.focusedId : value.focusedId;
        // The focused claim's block is near from now on: its badge is there to be focused.
        const focused = focusedId && focusedId !== value.focusedId ? highlights.find((h) => h.id === focusedId) : undefined;
        const near = focused ? grown(value.near, [blockAt(doc, focused.from)]) : value.near;
        const shown = badgesShown(doc, highlights.length, near);
        const sameRule = (highlights.length > BADGES_NEAR_VIEWPORT_FROM) === (drawn.highlights.length > BADGES_NEAR_VIEWPORT_FROM);
        let decorations =
          value.mapped || !sameRule
            ? buildHighlightDecorations(doc, highlights, focusedId, records, shown)
            : updateHighlightDecorations(doc, value.decorations, drawn, { highlights, focusedId }, records, shown);
        // Claims that did not change but stand in a block that has just become near.
        if (near !== value.near) decorations = showBadges(doc, decorations, records, focusedId, shown);
        return { highlights, focusedId, decorations, near };
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
      // Blocks coming near the viewport get their badges in a transaction of their own.
      const watch = watchNearViewport(view, (blocks) => {
        const near = highlightsKey.getState(view.state)?.near;
        if (!view.isDestroyed && blocks.some((i) => !near?.has(i))) view.dispatch(setHighlights(view.state.tr, { near: blocks }));
      });
      return {
        update: () => watch.update(),
        destroy: () => {
          watch.destroy();
          view.dom.removeEventListener('click', onBadgeClick);
        },
      };
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.decorations,
      handleDOMEvents: {
        click(view, event) {
          // A drag that selected text is a selection, not a pick.
          const selection = view.dom.ownerDocument.getSelection();
          if (selection && !selection.isCollapsed) return false;
          const id = claimIdAt(view, event.target);
          if (!id) return false;
          options.onActivate(id, 'text');
          return false;
        },
      },
    },
  });
}
