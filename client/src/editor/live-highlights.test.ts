import { describe, expect, it } from 'vitest';
import { claimsOn, seedIndex } from '../test/seed-article.js';
import { livePatch } from './live-highlights.js';

const { claims } = claimsOn([
  { quote: 'both the United States and Russia voted against a resolution', verdict: 'mixed' },
  { quote: 'Russia voted against', verdict: 'false' },
  { quote: 'Russia voted against', verdict: 'true' },
  { quote: 'Riyadh, Saudi Arabia', verdict: 'true' },
  { quote: 'Russia voted against', verdict: 'unverifiable' },
]);

describe('live highlights', () => {
  it('numbers each changed claim by its place in reading order, beside claims on the very same words', () => {
    for (const claim of claims) {
      const { upsert, remove } = livePatch({ fresh: [claim], gone: new Set(), claims }, seedIndex, () => true);
      expect(remove).toEqual([]);
      expect(upsert.map((h) => [h.id, h.number])).toEqual([[claim.id, claims.indexOf(claim) + 1]]);
    }
  });

  it('takes out a claim the filters hide, and one that is gone', () => {
    const [shown, hidden, gone] = claims;
    const patch = livePatch({ fresh: [shown, hidden], gone: new Set([gone]), claims: claims.filter((c) => c !== gone) }, seedIndex, (c) => c !== hidden);
    expect(patch.upsert.map((h) => h.id)).toEqual([shown.id]);
    expect([...patch.remove].sort()).toEqual([hidden.id, gone.id].sort());
  });
});
