import { describe, expect, it } from 'vitest';
import type { Claim } from '@factdesk/shared';
import { NO_FILTERS, claimAuthors, claimDomains, claimMatches, countClaims, filtersActive } from './claim-filter.js';

const rita = { id: 'u-rita', name: 'Rita' };
const sam = { id: 'u-sam', name: 'Sam' };

function claim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    author: rita,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    target: { version: 1, quote: { exact: `quote of ${id}`, prefix: '', suffix: '' }, position: { start: 0, end: 5 } },
    verdict: 'true',
    rationale: '',
    sources: [],
    tags: [],
    status: 'draft',
    review: null,
    history: [],
    thread: [],
    ...overrides,
  };
}

const claims = [
  claim('a', { verdict: 'false', status: 'in-review', sources: [{ url: 'https://www.ons.gov.uk/x', title: 'ONS' }] }),
  claim('b', { author: sam, rationale: 'The Treasury says £2bn', sources: [{ url: 'https://gov.uk/y', title: '' }] }),
  claim('c', { author: sam, verdict: 'false', tags: ['budget'] }),
];
const ids = (list: Claim[]) => list.map((c) => c.id);

describe('finding claims', () => {
  it('lets every claim through when no filter is set', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(ids(claims.filter((c) => claimMatches(c, NO_FILTERS)))).toEqual(['a', 'b', 'c']);
  });

  it('narrows by verdict, status, author and source domain together', () => {
    expect(ids(claims.filter((c) => claimMatches(c, { ...NO_FILTERS, verdict: 'false' })))).toEqual(['a', 'c']);
    expect(ids(claims.filter((c) => claimMatches(c, { ...NO_FILTERS, verdict: 'false', author: 'u-sam' })))).toEqual(['c']);
    expect(ids(claims.filter((c) => claimMatches(c, { ...NO_FILTERS, status: 'in-review' })))).toEqual(['a']);
    expect(ids(claims.filter((c) => claimMatches(c, { ...NO_FILTERS, domain: 'ons.gov.uk' })))).toEqual(['a']);
  });

  it('finds free text in the rationale, the tags and the quote, ignoring case', () => {
    expect(ids(claims.filter((c) => claimMatches(c, { ...NO_FILTERS, text: 'treasury' })))).toEqual(['b']);
    expect(ids(claims.filter((c) => claimMatches(c, { ...NO_FILTERS, text: ' BUDGET ' })))).toEqual(['c']);
    expect(ids(claims.filter((c) => claimMatches(c, { ...NO_FILTERS, text: 'quote of a' })))).toEqual(['a']);
    expect(filtersActive({ ...NO_FILTERS, text: '  ' })).toBe(false);
  });

  it('counts claims per verdict and per status, every key present', () => {
    const counts = countClaims(claims);
    expect(counts.total).toBe(3);
    expect(counts.byVerdict).toMatchObject({ false: 2, true: 1, mixed: 0 });
    expect(counts.byStatus).toEqual({ draft: 2, 'in-review': 1, approved: 0, 'changes-requested': 0 });
  });

  it('offers each author and each source domain once', () => {
    expect(claimAuthors(claims)).toEqual([rita, sam]);
    expect(claimDomains(claims)).toEqual(['gov.uk', 'ons.gov.uk']);
  });
});
