/**
 * What every exporter starts from — the article of one version, its metadata and its
 * claims — and the step they share: finding each claim in this version's canonical text
 * and numbering the claims in reading order, so claim 3 is claim 3 in every format.
 */
import type { Claim } from '../claim.js';
import { isShownInCurrentVersion } from '../anchoring/claim-versions.js';
import { isFlagged } from '../stored-claim.js';
import { anchorTarget, type TextRange } from '../anchoring/selectors.js';
import { articleSchema, type ArticleNode } from '../schema.js';
import { buildTextIndex, type TextIndex } from '../text.js';
import type { ArticleJSON, ArticleMeta } from '../ydoc.js';

/** The article, its metadata and the claims to export. */
export interface ExportInput {
  /** The ProseMirror JSON of the version being exported. */
  article: ArticleJSON;
  meta: ArticleMeta;
  claims: Claim[];
  /** The document id, used to name the article in Web Annotations when it has no source URL. */
  documentId?: string;
}

/** Which claims an export shows: only the signed-off ones (for publishing) or all of them. */
export type Include = 'approved' | 'all';
export const INCLUDE_OPTIONS: readonly Include[] = ['approved', 'all'];

/** A claim with its number and where it sits in the exported text (null: not found in this version). */
export interface NumberedClaim {
  number: number;
  claim: Claim;
  range: TextRange | null;
}

/** The parsed article, its text index and the claims numbered in reading order. */
export interface PreparedExport {
  doc: ArticleNode;
  index: TextIndex;
  claims: NumberedClaim[];
}

/**
 * Whether a reviewer signed the claim off: approved, with an approving review on record, and a
 * verdict and target that are the ones stored (a sign-off never covers a value not shown).
 */
export function isSignedOff(claim: Claim): boolean {
  return claim.status === 'approved' && claim.review?.decision === 'approved' && !isFlagged(claim, 'verdict') && !isFlagged(claim, 'target');
}

/** The claims an export with `include` shows. */
export function selectClaims(claims: readonly Claim[], include: Include): Claim[] {
  return include === 'all' ? [...claims] : claims.filter(isSignedOff);
}

/** Parses the article, anchors every claim in its text and numbers them in reading order. */
export function prepareExport(input: ExportInput): PreparedExport {
  const doc = articleSchema.nodeFromJSON(input.article);
  const index = buildTextIndex(doc);
  const anchored = input.claims.map((claim) => {
    // An orphaned or archived claim is listed but never marked: a look-alike passage is not its text.
    const range = isShownInCurrentVersion(claim) ? anchorTarget(index.text, claim.target) : null;
    // A range of block separators only has no visible text to mark: treat it as not found.
    return { claim, range: range && /[^\n]/.test(index.text.slice(range.start, range.end)) ? range : null };
  });
  // Found claims by where they are now (outer before inner); the lost ones last, by where they were.
  const key = (a: (typeof anchored)[number]) => a.range ?? a.claim.target.position;
  anchored.sort(
    (a, b) =>
      Number(a.range === null) - Number(b.range === null) ||
      key(a).start - key(b).start ||
      key(b).end - key(a).end ||
      a.claim.createdAt.localeCompare(b.claim.createdAt) ||
      a.claim.id.localeCompare(b.claim.id),
  );
  return { doc, index, claims: anchored.map((a, i) => ({ number: i + 1, ...a })) };
}
