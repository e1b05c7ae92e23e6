import { describe, expect, it } from 'vitest';
import { seedIndex, seedJSON, rangeOf } from '../test/seed-article.js';
import { readFirstPaint } from './first-paint-payload.js';

const DOC = 'un-vote';

function highlightAt(quote: string, id: string, number: number, verdict = 'false') {
  const { start, end } = rangeOf(quote);
  return { id, number, verdict, ...seedIndex.rangeToPositions(start, end) };
}

function payload(overrides: Record<string, unknown> = {}) {
  return {
    documentId: DOC,
    meta: { title: 'U.S. and Russia unite', sourceUrl: 'https://example.org/a', publisher: 'Example', publishedAt: '2025-02-25', currentVersion: 1 },
    version: { version: 1, textHash: 'hash-1', doc: seedJSON },
    claimCount: 3,
    highlights: [highlightAt('Russia unite', 'c-1', 1, 'true'), highlightAt('93 votes in favor', 'c-3', 3)],
    ...overrides,
  };
}

describe('reading a first-paint payload', () => {
  it('gives the version as a ProseMirror document with its text index, the metadata and the highlights', () => {
    const read = readFirstPaint(payload(), DOC)!;
    expect(read.version).toBe(1);
    expect(read.textHash).toBe('hash-1');
    expect(read.index.text).toBe(seedIndex.text);
    expect(read.meta.title).toBe('U.S. and Russia unite');
    expect(read.highlights).toEqual([highlightAt('Russia unite', 'c-1', 1, 'true'), highlightAt('93 votes in favor', 'c-3', 3)]);
  });

  it('keeps only what a highlight is made of, whatever else comes along', () => {
    const sneaky = { ...highlightAt('Russia unite', 'c-1', 1), rationale: '<img src=x onerror=alert(1)>', className: 'x' };
    const read = readFirstPaint(payload({ highlights: [sneaky] }), DOC)!;
    expect(read.highlights).toEqual([highlightAt('Russia unite', 'c-1', 1)]);
    expect(Object.keys(read.highlights[0]).sort()).toEqual(['from', 'id', 'number', 'to', 'verdict']);
  });

  it("carries a long article's static copy when the server wrote one, and nothing else in its place", () => {
    expect(readFirstPaint(payload({ staticHtml: '<p>Copy</p>' }), DOC)!.staticHtml).toBe('<p>Copy</p>');
    expect(readFirstPaint(payload(), DOC)!.staticHtml).toBeUndefined();
    expect(readFirstPaint(payload({ staticHtml: { html: '<p>' } }), DOC)!.staticHtml).toBeUndefined();
    expect(readFirstPaint(payload({ staticHtml: '' }), DOC)!.staticHtml).toBeUndefined();
  });

  it('has nothing to paint for an article without text yet', () => {
    expect(readFirstPaint({ documentId: DOC, version: null, claimCount: 0, highlights: [] }, DOC)).toBeNull();
  });

  it.each([
    ['another document', payload({ documentId: 'other' })],
    ['a verdict the scale does not know', payload({ highlights: [{ ...highlightAt('Russia unite', 'c-1', 1), verdict: 'pants-on-fire' }] })],
    ['a highlight past the end of the text', payload({ highlights: [{ ...highlightAt('Russia unite', 'c-1', 1), to: 10_000_000 }] })],
    ['an empty or reversed highlight', payload({ highlights: [{ ...highlightAt('Russia unite', 'c-1', 1), to: 3, from: 3 }] })],
    ['positions that are not whole numbers', payload({ highlights: [{ ...highlightAt('Russia unite', 'c-1', 1), from: 1.5 }] })],
    ['the same claim twice', payload({ highlights: [highlightAt('Russia unite', 'c-1', 1), highlightAt('93 votes in favor', 'c-1', 2)] })],
    ['a number beyond the claims counted', payload({ highlights: [highlightAt('Russia unite', 'c-1', 4)] })],
    ['an id that is not a string', payload({ highlights: [{ ...highlightAt('Russia unite', 'c-1', 1), id: { toString: 'x' } }] })],
    ['an overlong id', payload({ highlights: [highlightAt('Russia unite', 'x'.repeat(600), 1)] })],
    ['highlights that are not a list', payload({ highlights: 'c-1' })],
    ['a node the article schema does not have', payload({ version: { version: 1, textHash: 'h', doc: { type: 'doc', content: [{ type: 'script', content: [] }] } } })],
    ['a version that is not a number', payload({ version: { version: '1', textHash: 'h', doc: seedJSON } })],
    ['no JSON object at all', 'not a payload'],
  ])('refuses the whole payload for %s', (_what, value) => {
    expect(readFirstPaint(value, DOC)).toBeNull();
  });
});
