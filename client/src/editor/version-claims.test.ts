import { describe, expect, it } from 'vitest';
import type { Claim, Target } from '@factdesk/shared';
import { placeClaims } from './claim-placement.js';
import { claimsAsOfVersion } from './version-claims.js';

const target = (version: number, start: number): Target => ({ version, quote: { exact: 'quote', prefix: '', suffix: '' }, position: { start, end: start + 5 } });

function claim(id: string, fields: Partial<Claim>): Claim {
  return {
    id,
    author: { id: 'a', name: 'A' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    target: target(1, 0),
    verdict: 'true',
    rationale: '',
    sources: [],
    tags: [],
    status: 'draft',
    review: null,
    threadResolved: null,
    history: [],
    thread: [],
    ...fields,
  };
}

describe('claimsAsOfVersion', () => {
  const carried = claim('carried', { target: target(2, 40), pastTargets: [target(1, 10)], anchor: { state: 'anchored', version: 2, previous: null, suggestions: [] } });
  const orphan = claim('orphan', { target: target(1, 20), pastTargets: [target(1, 20)], anchor: { state: 'orphan', version: 2, previous: target(1, 20), suggestions: [] } });
  const newer = claim('newer', { target: target(2, 0) });

  it('shows in an earlier version the claims placed in it, where they were then', () => {
    const v1 = claimsAsOfVersion([carried, orphan, newer], 1);
    expect(v1.map((c) => [c.id, c.target.position.start])).toEqual([
      ['carried', 10],
      ['orphan', 20],
    ]);
    expect(v1.every((c) => c.anchor === null)).toBe(true);
  });

  it('leaves out of the current version the orphans, which are not highlighted', () => {
    const text = `${'x'.repeat(40)}quote and more`;
    const index = { text, rangeToPositions: (start: number, end: number) => ({ from: start + 1, to: end + 1 }) } as never;
    const placement = placeClaims([orphan, carried], index);
    expect(placement.placed.map((p) => p.claim.id)).toEqual(['carried']);
    expect(placement.notFound.map((c) => c.id)).toEqual(['orphan']);
  });
});
