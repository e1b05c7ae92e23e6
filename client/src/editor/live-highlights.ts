/**
 * A remote claim drawn in the frame it arrives in. On an article with thousands of claims the
 * page's full update (placing, numbering and comparing every claim, then the sidebar) takes
 * tens of milliseconds; so above `LIVE_FROM` claims the article view draws each change at once
 * from the claims it touched (a `patch`, highlights-plugin.ts) and the full update follows after
 * that frame has been painted, bringing the other claims' numbers and the sidebar up to date.
 */
import { readingOrderIndex, type Claim, type TextIndex } from '@factdesk/shared';
import type { ClaimsChange } from '../collab/index.js';
import { placeClaim } from './claim-placement.js';
import type { Highlight, HighlightsPatch } from './highlight-decorations.js';

/** Above this many claims, changes are drawn ahead of the page's full update. */
export const LIVE_FROM = 100;

/** The highlights a claims change adds, moves, or removes; `shows` says whether a claim passes the filters. */
export function livePatch(change: ClaimsChange, index: TextIndex, shows: (claim: Claim) => boolean): HighlightsPatch {
  const upsert: Highlight[] = [];
  const remove: string[] = [];
  const fresh = new Set(change.fresh.map((claim) => claim.id));
  for (const claim of change.gone) if (!fresh.has(claim.id)) remove.push(claim.id);
  for (const claim of change.fresh) {
    const at = placeClaim(claim, index);
    if (!at || !shows(claim)) remove.push(claim.id);
    else upsert.push({ id: claim.id, number: placeIn(change.claims, claim) + 1, verdict: claim.verdict, from: at.from, to: at.to });
  }
  return { upsert, remove };
}

/**
 * Where `claim` is in `claims` (reading order, the claim among them): a binary search on its
 * start and end, then a look along the claims at that very place for the claim itself. Unlike
 * `readingOrderIndex`, it never compares strings: it would compare the claim with itself, and
 * the first `localeCompare` in a page sets up the collator (about 20 ms, on the first remote claim).
 */
function placeIn(claims: readonly Claim[], claim: Claim): number {
  const { start, end } = claim.target.position;
  let low = 0;
  let high = claims.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = claims[mid].target.position;
    if (at.start < start || (at.start === start && at.end > end)) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < claims.length; i++) {
    if (claims[i] === claim) return i;
    const at = claims[i].target.position;
    if (at.start !== start || at.end !== end) break;
  }
  return readingOrderIndex(claims, claim);
}
