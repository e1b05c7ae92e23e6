/**
 * schema.org ClaimReview for the signed-off claims, the structured data search engines
 * and fact-check aggregators read. Only a reviewer's sign-off makes a verdict public.
 */
import { shownVerdict } from '../stored-claim.js';
import type { ArticleMeta } from '../ydoc.js';
import { isWebUrl } from './escape.js';
import { isSignedOff, type NumberedClaim } from './export-input.js';

/** The publishing organisation when the workspace names none. */
export const DEFAULT_ORGANISATION = 'Factdesk newsroom';

/** One ClaimReview object per signed-off claim, in number order. */
export function claimReviews(claims: readonly NumberedClaim[], meta: ArticleMeta, organisation = DEFAULT_ORGANISATION): object[] {
  const sourceUrl = isWebUrl(meta.sourceUrl) ? meta.sourceUrl : '';
  const appearance: Record<string, unknown> = { '@type': 'CreativeWork' };
  if (sourceUrl) appearance.url = sourceUrl;
  if (meta.title) appearance.headline = meta.title;
  if (meta.publisher) appearance.publisher = { '@type': 'Organization', name: meta.publisher };
  if (meta.publishedAt) appearance.datePublished = meta.publishedAt;
  const known = Boolean(sourceUrl || meta.publisher);

  return claims
    .filter(({ claim }) => isSignedOff(claim))
    .map(({ number, claim }) => {
      const v = shownVerdict(claim);
      const rating: Record<string, unknown> = { '@type': 'Rating', alternateName: v.label };
      if (v.rating !== null) Object.assign(rating, { ratingValue: v.rating, bestRating: 5, worstRating: 1 });
      return {
        '@type': 'ClaimReview',
        url: `${sourceUrl}#claim-${number}`,
        claimReviewed: claim.target.quote.exact.replace(/\s+/g, ' ').trim(),
        datePublished: claim.review!.at,
        author: { '@type': 'Organization', name: organisation },
        reviewRating: rating,
        itemReviewed: known ? { '@type': 'Claim', appearance } : { '@type': 'Claim' },
      };
    });
}
