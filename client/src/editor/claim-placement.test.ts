import { describe, expect, it } from 'vitest';
import { articleSchema, buildTextIndex, importPlainText, type Claim } from '@factdesk/shared';
import { claimsOn, seedDoc, seedIndex } from '../test/seed-article.js';
import { numberClaims, placeClaims } from './claim-placement.js';

describe('claim placement', () => {
  it('numbers claims in reading order, the outer of two claims starting together first', () => {
    const { claims } = claimsOn([
      { quote: 'Riyadh, Saudi Arabia', verdict: 'true' },
      { quote: 'UNITED NATIONS', verdict: 'true' },
      { quote: 'UNITED NATIONS,New York', verdict: 'mixed' },
    ]);
    const numbers = numberClaims(claims);
    expect(claims.map((c) => [c.target.quote.exact, numbers.get(c.id)])).toEqual([
      ['UNITED NATIONS,New York', 1],
      ['UNITED NATIONS', 2],
      ['Riyadh, Saudi Arabia', 3],
    ]);
  });

  it('places a claim in a heading on the heading text', () => {
    const { claims } = claimsOn([{ quote: 'The Contentious Resolution\nThe resolution', verdict: 'true' }]);
    const [placed] = placeClaims(claims, seedIndex).placed;
    expect(seedDoc.resolve(placed.from).parent.type.name).toBe('heading');
    expect(seedDoc.textBetween(placed.from, placed.to, '\n')).toBe('The Contentious Resolution\nThe resolution');
  });

  it('finds a claim again in a new version where its text moved', () => {
    const { claims } = claimsOn([{ quote: 'Dorothy Camille Shea, the interim representative', verdict: 'true' }]);
    const next = articleSchema.nodeFromJSON(importPlainText(`Corrected title\nAn added first paragraph.\n${seedIndex.text}`));
    const [placed] = placeClaims(claims, buildTextIndex(next)).placed;
    expect(next.textBetween(placed.from, placed.to)).toBe('Dorothy Camille Shea, the interim representative');
  });

  it('lists a claim whose quote is gone from the text as not found, keeping its number', () => {
    const { claims } = claimsOn([
      { quote: 'Riyadh, Saudi Arabia', verdict: 'true' },
      { quote: 'Dorothy Camille Shea, the interim representative who spoke at the UN General Assembly', verdict: 'false' },
    ]);
    const other = buildTextIndex(articleSchema.nodeFromJSON(importPlainText('A different article\nIt mentions Riyadh, Saudi Arabia only.')));
    const placement = placeClaims(claims, other);
    expect(placement.placed.map((p) => p.claim.target.quote.exact)).toEqual(['Riyadh, Saudi Arabia']);
    expect(placement.notFound.map((c: Claim) => placement.numbers.get(c.id))).toEqual([2]);
  });

  it('places a claim again when its target changes, and keeps the others where they were', () => {
    const { claims } = claimsOn([
      { quote: 'Riyadh, Saudi Arabia', verdict: 'true' },
      { quote: 'UNITED NATIONS', verdict: 'false' },
    ]);
    const first = placeClaims(claims, seedIndex).placed;
    const moved = claimsOn([{ quote: 'Dorothy Camille Shea', verdict: 'false' }]).claims[0].target;
    const again = placeClaims([claims[0], { ...claims[1], target: moved }], seedIndex).placed;
    const quoteOf = (p: { from: number; to: number }) => seedDoc.textBetween(p.from, p.to);
    expect(again.map(quoteOf).sort()).toEqual(['Dorothy Camille Shea', quoteOf(first.find((p) => p.claim.id === claims[0].id)!)].sort());
  });
});
