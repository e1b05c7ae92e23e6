import { describe, expect, it } from 'vitest';
import type { Claim } from '@factdesk/shared';
import { QUOTE_EXCERPT, lastEnteredReview, quoteExcerpt, sourceDomains, summariseClaim } from './summarise.js';

const rita = { id: 'u-rita', name: 'Rita' };

function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: 'c1',
    author: rita,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T11:00:00.000Z',
    target: { version: 1, quote: { exact: 'The bridge cost\n  £2bn', prefix: '', suffix: '' }, position: { start: 0, end: 20 } },
    verdict: 'false',
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

describe('a claim summary', () => {
  it('puts the quote on one line and cuts a long one with an ellipsis', () => {
    expect(quoteExcerpt('The bridge cost\n  £2bn')).toBe('The bridge cost £2bn');
    const long = quoteExcerpt('x'.repeat(500));
    expect(long).toHaveLength(QUOTE_EXCERPT);
    expect(long.endsWith('…')).toBe(true);
  });

  it('names each source domain once, without "www."', () => {
    expect(
      sourceDomains([{ url: 'https://www.ons.gov.uk/a' }, { url: 'http://ONS.gov.uk/b' }, { url: 'https://press.un.org/x' }, { url: 'not a url' }]),
    ).toEqual(['ons.gov.uk', 'press.un.org']);
  });

  it('takes the time a claim last entered review from its history (submitted or reopened)', () => {
    const by = rita;
    expect(
      lastEnteredReview([
        { at: '2026-11-01T10:00:00.000Z', by, action: 'created' },
        { at: '2026-11-01T10:05:00.000Z', by, action: 'submitted' },
        { at: '2026-11-01T10:09:00.000Z', by, action: 'approved' },
        { at: '2026-11-01T10:30:00.000Z', by, action: 'reopened' },
        { at: '2026-11-01T10:40:00.000Z', by, action: 'commented' },
      ]),
    ).toBe('2026-11-01T10:30:00.000Z');
    expect(lastEnteredReview([{ at: '2026-11-01T10:00:00.000Z', by, action: 'created' }])).toBeNull();
  });

  it('falls back to the last update for a claim in review without a submission (an import)', () => {
    const row = summariseClaim('doc-1', claim({ status: 'in-review', sources: [{ url: 'https://fullfact.org/x', title: '' }] }));
    expect(row).toMatchObject({
      docId: 'doc-1',
      claimId: 'c1',
      status: 'in-review',
      verdict: 'false',
      authorId: 'u-rita',
      authorName: 'Rita',
      quote: 'The bridge cost £2bn',
      sourceDomains: ['fullfact.org'],
      submittedAt: '2026-11-01T11:00:00.000Z',
    });
  });
});
