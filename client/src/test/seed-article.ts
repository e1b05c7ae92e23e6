/**
 * Test fixtures: the seed article as the server would store it, and claims made the way the
 * app makes them (the shared accessors on a real Y.Doc), so tests exercise the real layout.
 */
import * as Y from 'yjs';
import {
  articleSchema,
  buildTextIndex,
  createStampedClaim,
  importPlainText,
  listClaims,
  targetFromRange,
  type Claim,
  type PersonRef,
  type VerdictId,
} from '@factdesk/shared';
import seed from '../../../seeds/us-russia-un-resolution.txt?raw';

export const seedJSON = importPlainText(seed);
export const seedDoc = articleSchema.nodeFromJSON(seedJSON);
export const seedIndex = buildTextIndex(seedDoc);

export const annie: PersonRef = { id: 'u-annie', name: 'Annie Annotator' };

/** The canonical-text range of the first occurrence of `quote` in the seed article. */
export function rangeOf(quote: string, from = 0): { start: number; end: number } {
  const start = seedIndex.text.indexOf(quote, from);
  if (start < 0) throw new Error(`Not in the seed article: ${quote}`);
  return { start, end: start + quote.length };
}

/** A Y.Doc holding claims on the given quotes of the seed article, and those claims in reading order. */
export function claimsOn(quotes: { quote: string; verdict: VerdictId }[]): { doc: Y.Doc; claims: Claim[] } {
  const doc = new Y.Doc();
  quotes.forEach(({ quote, verdict }, i) => {
    const { start, end } = rangeOf(quote);
    createStampedClaim(doc, annie, { target: targetFromRange(seedIndex.text, start, end, 1), verdict, rationale: '', sources: [] }, new Date(Date.UTC(2025, 0, 1, 0, 0, i)));
  });
  return { doc, claims: listClaims(doc) };
}
