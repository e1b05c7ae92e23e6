/**
 * A remote claim drawn in the frame it arrives in. On an article with thousands of claims the
 * page's full update (placing, numbering and comparing every claim, then the sidebar) takes
 * tens of milliseconds; so above `LIVE_FROM` claims the article view draws each change at once
 * from the claims it touched (a `patch`, highlights-plugin.ts) and the full update follows after
 * that frame has been painted, bringing the other claims' numbers and the sidebar up to date.
 */
import { compareReadingOrder, type Claim, type TextIndex } from '@factdesk/shared';
import type { ClaimsChange } from '../collab/index.js';
import { placeClaim } from './claim-placement.js';
import type { Highlight, HighlightsPatch } from './highlight-decorations.js';

/** Above this many claims, changes are drawn ahead of the page's full update. */
export const LIVE_FROM = 100;

/** The claim's number: its place in reading order among all claims, from 1 (binary search). */
function numberOf(claims: readonly Claim[], claim: Claim): number {
  let low = 0;
  let high = claims.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareReadingOrder(claims[mid], claim) < 0) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

/** The highlights a claims change adds, moves, or removes; `shows` says whether a claim passes the filters. */
export function livePatch(change: ClaimsChange, index: TextIndex, shows: (claim: Claim) => boolean): HighlightsPatch {
  const upsert: Highlight[] = [];
  const remove: string[] = [];
  const fresh = new Set(change.fresh.map((claim) => claim.id));
  for (const claim of change.gone) if (!fresh.has(claim.id)) remove.push(claim.id);
  for (const claim of change.fresh) {
    const at = placeClaim(claim, index);
    if (!at || !shows(claim)) remove.push(claim.id);
    else upsert.push({ id: claim.id, number: numberOf(change.claims, claim), verdict: claim.verdict, from: at.from, to: at.to });
  }
  return { upsert, remove };
}
