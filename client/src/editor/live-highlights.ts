/**
 * A remote claim drawn in the frame it arrives in. On an article with thousands of claims the
 * page's full update (placing, numbering and comparing every claim, then the sidebar) takes
 * tens of milliseconds; so above `LIVE_FROM` claims the article view draws each change at once
 * from the claims it touched (a `patch`, highlights-plugin.ts) and the full update follows after
 * that frame has been painted, bringing the other claims' numbers and the sidebar up to date.
 */
import { readingOrderIndex, type Claim, type TextIndex } from '@factdesk/shared';
import type { ClaimsChange } from '../collab/index.js';
import { highlightVerdict, placeClaim } from './claim-placement.js';
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
    else upsert.push({ id: claim.id, number: readingOrderIndex(change.claims, claim) + 1, ...highlightVerdict(claim), from: at.from, to: at.to });
  }
  return { upsert, remove };
}
