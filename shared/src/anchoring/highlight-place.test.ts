import { describe, expect, it } from 'vitest';
import { importPlainText } from '../import/plain-text.js';
import { articleSchema } from '../schema.js';
import { buildTextIndex } from '../text.js';
import { highlightPlace, isHighlighted } from './highlight-place.js';
import { targetFromRange } from './selectors.js';

const index = buildTextIndex(articleSchema.nodeFromJSON(importPlainText('A headline\n\nThe council voted on Monday. Nobody objected.')));
const at = (quote: string) => {
  const start = index.text.indexOf(quote);
  return targetFromRange(index.text, start, start + quote.length, 1);
};

describe("a claim's highlight", () => {
  it('sits where its quote is, in text offsets and in positions that cover the same text', () => {
    const place = highlightPlace(at('voted on Monday'), index)!;
    expect(index.text.slice(place.start, place.end)).toBe('voted on Monday');
    expect(index.rangeToPositions(place.start, place.end)).toEqual({ from: place.from, to: place.to });
  });

  it('is found again after the text moved, by its quote and context', () => {
    const target = at('Nobody objected');
    const moved = { ...target, position: { start: target.position.start + 5, end: target.position.end + 5 } };
    expect(highlightPlace(moved, index)).toEqual(highlightPlace(target, index));
  });

  it('is nowhere when its quote is not in the text', () => {
    expect(highlightPlace({ ...at('voted'), quote: { exact: 'adjourned', prefix: '', suffix: '' } }, index)).toBeNull();
  });

  it('is drawn only for claims with a quote that are neither orphaned nor archived', () => {
    const target = at('voted');
    expect(isHighlighted({ target, anchor: null })).toBe(true);
    expect(isHighlighted({ target, anchor: { state: 'changed', version: 2, previous: null, suggestions: [] } })).toBe(true);
    expect(isHighlighted({ target, anchor: { state: 'orphan', version: 2, previous: null, suggestions: [] } })).toBe(false);
    expect(isHighlighted({ target, anchor: { state: 'archived', version: 2, previous: null, suggestions: [] } })).toBe(false);
    expect(isHighlighted({ target: { ...target, quote: undefined as never }, anchor: null })).toBe(false);
  });
});
