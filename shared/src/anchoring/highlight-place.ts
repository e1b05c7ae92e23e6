/**
 * Where a claim is highlighted in a version of its article. One definition for the browser's
 * view (client/src/editor/claim-placement.ts) and the server's first-paint payload
 * (server/src/http/first-paint.ts): the page paints from the payload first and the live doc
 * then takes over, and a claim must not move when it does.
 */
import type { Claim } from '../claim.js';
import type { TextIndex } from '../text.js';
import { isShownInCurrentVersion } from './claim-versions.js';
import { anchorTarget } from './selectors.js';

/** A highlight's place: canonical-text offsets and ProseMirror positions. */
export interface HighlightPlace {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** Whether the claim is drawn at all: it has a quote and is neither orphaned nor archived. */
export function isHighlighted(claim: Pick<Claim, 'target' | 'anchor'>): boolean {
  // An empty quote is a claim whose stored target was unusable (stored-claim.ts): nothing to mark.
  return !!claim.target?.quote?.exact && isShownInCurrentVersion(claim);
}

/** Where a claim's target is in the indexed text; null when it cannot be found there (or is empty). */
export function highlightPlace(target: Claim['target'], index: TextIndex): HighlightPlace | null {
  const range = anchorTarget(index.text, target);
  if (!range || range.end <= range.start) return null;
  const { from, to } = index.rangeToPositions(range.start, range.end);
  return to > from ? { start: range.start, end: range.end, from, to } : null;
}
