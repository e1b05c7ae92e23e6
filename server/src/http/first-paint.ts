/**
 * What a browser needs to paint an article with its highlights before it has the Y.Doc: the
 * current version's ProseMirror JSON, its metadata, and each claim's highlight (id, number in
 * reading order, verdict, ProseMirror positions). Decoding a big article's Y.Doc takes the page
 * over a second; this is JSON it can draw at once (≈ 0.8 MB for 10,000 claims), while the doc syncs
 * behind it and then takes over. Placed as the client places claims (the shared
 * `highlightPlace`, numbers over every listed claim in reading order, orphans and archived claims
 * not drawn), so the takeover changes nothing on screen. Verdicts and ids only: no rationale,
 * author or any other free text of a claim.
 */
import * as Y from 'yjs';
import {
  articleSchema,
  buildTextIndex,
  chunkedDoc,
  claimsMap,
  compareReadingOrder,
  highlightPlace,
  isHighlighted,
  isListedClaim,
  lazyClaim,
  readArticleVersion,
  readMeta,
  STATIC_COPY_FROM,
  staticArticleHtml,
  type ArticleJSON,
  type ArticleMeta,
  type Highlight,
  type Claim,
} from '@factdesk/shared';

/** One claim as drawn: the shared `Highlight` (shared/src/highlights/pieces.ts), which the page draws too. */
export type FirstPaintHighlight = Highlight;

export interface FirstPaint {
  documentId: string;
  meta: ArticleMeta;
  version: { version: number; textHash: string; doc: ArticleJSON };
  /** Every well-formed claim, drawn or not (numbers count them all). */
  claimCount: number;
  /** The drawn claims, in reading order. */
  highlights: FirstPaintHighlight[];
  /** With more than STATIC_COPY_FROM drawn claims: the article with them as the view draws it, painted before the view is made. */
  staticHtml?: string;
}

/** What a highlight is made of; the rest of a claim is never read (reading all of it took most of the time). */
type DrawnClaim = Pick<Claim, 'id' | 'target' | 'verdict' | 'anchor' | 'createdAt'>;

/** The well-formed claims, as the client lists them, in reading order. */
function claimsInReadingOrder(doc: Y.Doc): DrawnClaim[] {
  const claims: DrawnClaim[] = [];
  claimsMap(doc).forEach((map) => {
    if (!(map instanceof Y.Map)) return;
    const { claim } = lazyClaim(map);
    if (!isListedClaim(claim)) return;
    claims.push({ id: claim.id, target: claim.target, verdict: claim.verdict, anchor: claim.anchor, createdAt: claim.createdAt });
  });
  return claims.sort(compareReadingOrder as (a: DrawnClaim, b: DrawnClaim) => number);
}

/** The first-paint payload of `doc`; null while it has no article version. */
export function firstPaintOf(documentId: string, doc: Y.Doc): FirstPaint | null {
  const version = readArticleVersion(doc);
  if (!version) return null;
  const articleDoc = articleSchema.nodeFromJSON(version.doc);
  const index = buildTextIndex(articleDoc);
  const claims = claimsInReadingOrder(doc);
  const highlights: FirstPaintHighlight[] = [];
  claims.forEach((claim, i) => {
    const at = isHighlighted(claim) ? highlightPlace(claim.target, index) : null;
    if (at) highlights.push({ id: claim.id, number: i + 1, verdict: claim.verdict, from: at.from, to: at.to });
  });
  return {
    documentId,
    meta: readMeta(doc),
    version: { version: version.version, textHash: version.textHash, doc: version.doc },
    claimCount: claims.length,
    highlights,
    ...(highlights.length > STATIC_COPY_FROM ? { staticHtml: staticArticleHtml(chunkedDoc(articleDoc, highlights), highlights, null) } : {}),
  };
}
