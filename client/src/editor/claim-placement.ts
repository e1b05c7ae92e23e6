/**
 * Where each claim sits in the article on screen. A claim is stored against the canonical
 * text; this finds it again (the shared anchoring, which survives small edits between
 * versions), then derives the ProseMirror positions. A claim that cannot be found is kept
 * aside so the sidebar can say so instead of silently hiding it; so is a claim a new version
 * left orphaned or that triage archived, which is never highlighted.
 */
import { anchorTarget, isShownInCurrentVersion, type Claim, type TextIndex } from '@factdesk/shared';

/** A claim found in the text, with its number and where it is (text offsets and positions). */
export interface PlacedClaim {
  claim: Claim;
  number: number;
  start: number;
  end: number;
  from: number;
  to: number;
}

export interface ClaimPlacement {
  /** Found claims, in reading order. */
  placed: PlacedClaim[];
  /** Claims whose quote is no longer in the text. */
  notFound: Claim[];
  /** Every claim's number, found or not: its place in reading order, from 1. */
  numbers: Map<string, number>;
}

/** Numbers claims in reading order (the order of `listClaims`), from 1. */
export function numberClaims(claims: readonly Claim[]): Map<string, number> {
  return new Map(claims.map((claim, i) => [claim.id, i + 1]));
}

/** Finds every claim of `claims` (in reading order) in the indexed article. */
export function placeClaims(claims: readonly Claim[], index: TextIndex): ClaimPlacement {
  const numbers = numberClaims(claims);
  const placed: PlacedClaim[] = [];
  const notFound: Claim[] = [];
  for (const claim of claims) {
    const range = claim.target?.quote && isShownInCurrentVersion(claim) ? anchorTarget(index.text, claim.target) : null;
    if (!range || range.end <= range.start) {
      notFound.push(claim);
      continue;
    }
    const { from, to } = index.rangeToPositions(range.start, range.end);
    if (to <= from) {
      notFound.push(claim);
      continue;
    }
    placed.push({ claim, number: numbers.get(claim.id) as number, start: range.start, end: range.end, from, to });
  }
  return { placed, notFound, numbers };
}
