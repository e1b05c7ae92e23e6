/**
 * The pieces of text that claims are drawn as: where the claims' boundaries cut the text, each
 * piece styled by its innermost claim and naming the claims whose highlight starts there. The
 * browser's view draws them as decorations (client/src/editor/highlight-decorations.ts); the
 * server writes them into the static copy of a long article (static-html.ts). One definition,
 * so the two draw the same.
 */
import type { Node } from 'prosemirror-model';
import type { VerdictId } from '../verdicts.js';
import { sweepSegments } from './segments.js';

/** One claim as drawn: its number in reading order, its verdict and where its text is (ProseMirror positions). */
export interface Highlight {
  id: string;
  number: number;
  verdict: VerdictId;
  /** The claim's stored verdict was unusable: `verdict` is a placeholder, shown as "Invalid verdict". */
  invalidVerdict?: boolean;
  from: number;
  to: number;
}

/** A piece of highlighted text: where it is, how it looks, and the claims covering it (innermost first). */
export interface HighlightPiece {
  from: number;
  to: number;
  /** The innermost claim's index in the highlights. */
  inner: number;
  look: Look;
  claimIds: string[];
  /** The claims whose highlight starts here, space-separated (the page names only these). */
  starting: string;
}

/** How a piece looks: its classes, one object per verdict, nesting and focus (so pieces compare by identity). */
export interface Look {
  className: string;
  classes: string[];
}

const looks = new Map<string, Look[]>();

function lookOf(verdict: string, nested: boolean, focused: boolean): Look {
  let byFlags = looks.get(verdict);
  if (!byFlags) looks.set(verdict, (byFlags = []));
  const flags = (nested ? 1 : 0) + (focused ? 2 : 0);
  let look = byFlags[flags];
  if (!look) {
    const classes = ['claim-highlight', `verdict-${verdict}`];
    if (nested) classes.push('claim-highlight--nested');
    if (focused) classes.push('claim-highlight--focused');
    look = byFlags[flags] = { className: classes.join(' '), classes };
  }
  return look;
}

/** The pieces of text that `highlights` (valid in the document) are drawn as, in order; with `within`, only those inside it. */
export function highlightPieces(highlights: readonly Highlight[], focusedId: string | null, within?: { from: number; to: number }): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  const focusedIndex = focusedId === null ? -1 : highlights.findIndex((h) => h.id === focusedId);
  let last: HighlightPiece | null = null;
  sweepSegments(highlights, within, (from, to, open, opened) => {
    const inner = open[0];
    const look = lookOf(highlights[inner].verdict, open.length > 1, focusedIndex >= 0 && open.includes(focusedIndex));
    // Where claims only end, and the innermost claim and the look stay, the piece goes on: the
    // reader sees no cut, and a fifth fewer elements are drawn on a dense article. Its list of
    // claims, taken where it starts, holds every claim covering any of it (none starts inside).
    if (last && last.to === from && !opened && last.inner === inner && last.look === look) {
      last.to = to;
      return;
    }
    const claimIds: string[] = [];
    let starting = '';
    for (const i of open) {
      const h = highlights[i];
      claimIds.push(h.id);
      if (h.from === from) starting = starting ? `${starting} ${h.id}` : h.id;
    }
    pieces.push((last = { from, to, inner, look, claimIds, starting }));
  });
  return pieces;
}

/** The attributes of a piece's element (the same in the view and in the static copy drawn before it, static-article.ts). */
export function pieceAttrs(piece: HighlightPiece): Record<string, string> {
  // The page names only the claims whose highlight starts here: every covering claim on every
  // piece came to megabytes of attributes on a dense article. The whole list stays in the
  // decoration's spec, where patches and a click on the text look for it.
  const attrs: Record<string, string> = { class: piece.look.className };
  if (piece.starting) attrs['data-claims-starting'] = piece.starting;
  return attrs;
}

/** The highlights that fit in `doc` (a claim placed against another text may not). */
export function validHighlights(doc: Node, highlights: readonly Highlight[]): Highlight[] {
  const size = doc.content.size;
  return highlights.filter((h) => h.from >= 0 && h.to <= size && h.to > h.from);
}
