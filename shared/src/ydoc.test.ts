import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, claimFromMap, claimsMap, compareReadingOrder, createClaim, readingOrderIndex, updateClaim } from './ydoc.js';
import { lazyClaim } from './lazy-claim.js';
import type { Claim } from './claim.js';

const ANA = { id: 'u-ana', name: 'Ana' };
const target = { version: 1, quote: { exact: 'turn', prefix: '', suffix: '' }, position: { start: 10, end: 14 } };

function docWithClaim() {
  const doc = new Y.Doc();
  const id = createClaim(doc, ANA, { target, verdict: 'mixed', rationale: 'first', sources: [] });
  addComment(doc, id, { id: 'c1', author: ANA, createdAt: '2026-11-25T10:01:00.000Z', updatedAt: '2026-11-25T10:01:00.000Z', text: 'hm' });
  return { doc, id, map: claimsMap(doc).get(id)! };
}

describe('a claim read lazily', () => {
  it('reads every field as the full snapshot does', () => {
    const { map } = docWithClaim();
    const full = claimFromMap(map);
    const { claim } = lazyClaim(map);
    for (const key of Object.keys(full) as (keyof typeof full)[]) expect(claim[key]).toEqual(full[key]);
    expect('verdict' in claim).toBe(true);
    expect('nonsense' in claim).toBe(false);
  });

  it('keeps the fields it was told to keep as they were, and refuses to read others after', () => {
    const { doc, id, map } = docWithClaim();
    const read = lazyClaim(map);
    read.keep(['rationale', 'status']);
    updateClaim(doc, id, { rationale: 'second', verdict: 'false' });
    expect(read.claim.rationale).toBe('first');
    expect(read.claim.status).toBe('draft');
    expect(() => read.claim.verdict).toThrow(/read after the claim changed/);
  });
});

describe('readingOrderIndex', () => {
  it('says where a claim goes among claims in reading order, as sorting would place it', () => {
    const at = (id: string, start: number, end: number) =>
      ({ id, createdAt: '2026-11-25T10:00:00.000Z', target: { position: { start, end } } }) as unknown as Claim;
    const sorted = [at('a', 0, 5), at('b', 3, 9), at('c', 3, 4), at('d', 20, 30)].sort(compareReadingOrder);
    for (const claim of [at('x', 0, 1), at('y', 3, 6), at('z', 40, 41), at('w', 0, 9)]) {
      const expected = [...sorted, claim].sort(compareReadingOrder).indexOf(claim);
      expect(readingOrderIndex(sorted, claim)).toBe(expected);
    }
  });
});
