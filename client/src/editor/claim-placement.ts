/**
 * Where each claim sits in the article on screen. A claim is stored against the canonical
 * text; this finds it again (the shared anchoring, which survives small edits between
 * versions), then derives the ProseMirror positions. A claim that cannot be found is kept
 * aside so the sidebar can say so instead of silently hiding it; so is a claim a new version
 * left orphaned or that triage archived, which is never highlighted.
 */
import type { Highlight } from './highlight-decorations.js';
import { highlightPlace, isFlagged, isHighlighted, type Claim, type HighlightPlace, type TextIndex } from '@factdesk/shared';

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

/** Where a claim was found in one text, kept while its target is the very same object. */
interface Found {
  target: Claim['target'];
  shown: boolean;
  at: HighlightPlace | null;
  /** The last placement made of it, handed out again while claim and number stay the same. */
  placed?: PlacedClaim;
}

/**
 * Claims found before, per text: a change to one claim of ten thousand re-reads that claim
 * only, and the others' targets are the same objects (the Y.Doc hands back what it stores), so
 * their places need not be searched for again, and their placements stay the same objects
 * (so the highlights built from them can be compared by identity).
 */
const foundIn = new WeakMap<TextIndex, Map<string, Found>>();

function knownIn(index: TextIndex): Map<string, Found> {
  let known = foundIn.get(index);
  if (!known) foundIn.set(index, (known = new Map()));
  return known;
}

function foundFor(claim: Claim, index: TextIndex, known: Map<string, Found>): Found {
  const shown = isHighlighted(claim);
  let found = known.get(claim.id);
  if (!found || found.target !== claim.target || found.shown !== shown) {
    found = { target: claim.target, shown, at: shown ? highlightPlace(claim.target, index) : null };
    known.set(claim.id, found);
  }
  return found;
}

/** Where one claim is highlighted in the indexed article (positions), or null when it is not. */
export function placeClaim(claim: Claim, index: TextIndex): { from: number; to: number } | null {
  return foundFor(claim, index, knownIn(index)).at;
}

/** Finds every claim of `claims` (in reading order) in the indexed article. */
export function placeClaims(claims: readonly Claim[], index: TextIndex): ClaimPlacement {
  const numbers = numberClaims(claims);
  const placed: PlacedClaim[] = [];
  const notFound: Claim[] = [];
  const known = knownIn(index);
  for (const claim of claims) {
    const found = foundFor(claim, index, known);
    if (!found.at) {
      notFound.push(claim);
      continue;
    }
    const number = numbers.get(claim.id) as number;
    if (found.placed?.claim !== claim || found.placed.number !== number) found.placed = { claim, number, ...found.at };
    placed.push(found.placed);
  }
  return { placed, notFound, numbers };
}

/** A highlight's verdict: the claim's, flagged when its stored one was unusable (no key otherwise: a highlight's shape stays what it was). */
export function highlightVerdict(claim: Claim): Pick<Highlight, 'verdict' | 'invalidVerdict'> {
  return isFlagged(claim, 'verdict') ? { verdict: claim.verdict, invalidVerdict: true } : { verdict: claim.verdict };
}

const highlights = new WeakMap<PlacedClaim, Highlight>();

/** The highlight of a placed claim: the same object for the same placement, so unchanged claims compare equal by identity. */
export function highlightOf(placed: PlacedClaim): Highlight {
  let highlight = highlights.get(placed);
  if (!highlight) {
    highlight = { id: placed.claim.id, number: placed.number, ...highlightVerdict(placed.claim), from: placed.from, to: placed.to };
    highlights.set(placed, highlight);
  }
  return highlight;
}
