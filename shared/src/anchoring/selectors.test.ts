/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../import/plain-text.js';
import { articleSchema } from '../schema.js';
import { canonicalText } from '../text.js';
import { anchorTarget, targetFromRange, trimRange } from './selectors.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const text = canonicalText(articleSchema.nodeFromJSON(importPlainText(seed)));

/** The target of the first occurrence of `quote` in `text`. */
function targetOf(quote: string, source = text) {
  const start = source.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return targetFromRange(source, start, start + quote.length, 1);
}

const quoted = (source: string, range: { start: number; end: number } | null) =>
  range && source.slice(range.start, range.end);

describe('targetFromRange', () => {
  it('stores the quote, 32 characters of context each side and the position', () => {
    const target = targetOf('it dose not fully justify the US actions');
    expect(target.version).toBe(1);
    expect(target.quote.exact).toBe('it dose not fully justify the US actions');
    expect(target.quote.prefix).toBe(text.slice(target.position.start - 32, target.position.start));
    expect(target.quote.prefix).toHaveLength(32);
    expect(target.quote.suffix).toBe(text.slice(target.position.end, target.position.end + 32));
  });

  it('cuts the context short at the edges of the text', () => {
    const target = targetFromRange('short text', 0, 5, 2);
    expect(target.quote).toEqual({ exact: 'short', prefix: '', suffix: ' text' });
  });

  it('refuses empty, reversed and out-of-text ranges', () => {
    expect(() => targetFromRange(text, 5, 5, 1)).toThrow(RangeError);
    expect(() => targetFromRange(text, 9, 5, 1)).toThrow(RangeError);
    expect(() => targetFromRange(text, -1, 5, 1)).toThrow(RangeError);
    expect(() => targetFromRange(text, 0, text.length + 1, 1)).toThrow(RangeError);
  });
});

describe('anchorTarget', () => {
  it('re-finds a sample of selections over the seed where they were made', () => {
    for (let start = 0; start < text.length - 200; start += 131) {
      const end = start + 1 + (start % 197);
      const target = targetFromRange(text, start, end, 1);
      expect(anchorTarget(text, target)).toEqual({ start, end });
    }
  });

  it('re-finds a quote after text was inserted before it', () => {
    const target = targetOf('Dorothy Camille Shea, the interim representative');
    const edited = text.replace('The Contentious Resolution\n', 'The Contentious Resolution\nA new paragraph.\n');
    const range = anchorTarget(edited, target);
    expect(range?.start).toBe(target.position.start + 'A new paragraph.\n'.length);
    expect(quoted(edited, range)).toBe(target.quote.exact);
  });

  it('re-finds a quote whose context changed, by the quote alone', () => {
    const target = targetOf('Dorothy Camille Shea, the interim representative');
    const edited = text.replace('U.S. Clarification of the Vote\n', 'Clarifying the vote\n');
    expect(quoted(edited, anchorTarget(edited, target))).toBe(target.quote.exact);
  });

  it('re-finds a quote after a typo inside it was fixed', () => {
    const target = targetOf('it dose not fully justify the US actions');
    const edited = text.replace('it dose not fully', 'it does not fully');
    expect(quoted(edited, anchorTarget(edited, target))).toBe('it does not fully justify the US actions');
  });

  it('re-finds a quote rewritten in a few words, thanks to its unchanged context', () => {
    const target = targetOf('a three-page document calling for Russia’s withdrawal');
    const edited = text.replace('a three-page document calling for', 'a 3-page text calling on');
    expect(quoted(edited, anchorTarget(edited, target))).toMatch(/^a 3-page text calling on Russia’s withdrawal/);
  });

  it('gives up when the quoted text is gone', () => {
    const line = text.split('\n').find((l) => l.startsWith('Dorothy Camille Shea'))!;
    const target = targetOf(line.slice(0, 120));
    const edited = text.replace(`${line}\n`, '');
    expect(anchorTarget(edited, target)).toBeNull();
    expect(anchorTarget('', target)).toBeNull();
  });

  it('picks, of a quote that appears twice with the same context, the one near the stored position', () => {
    const unit = `${'-'.repeat(40)}The vote was 93 in favour.${'-'.repeat(40)}`;
    const source = unit + unit;
    const second = source.lastIndexOf('93 in favour');
    const target = targetFromRange(source, second, second + '93 in favour'.length, 1);
    const shifted = `Intro. ${source}`;
    const range = anchorTarget(shifted, target);
    expect(range?.start).toBe(shifted.lastIndexOf('93 in favour'));
  });

  it('picks, of a quote alone that appears twice, the one near the stored position', () => {
    const source = 'First: Russia vetoed it. Middle text here. Second: Russia vetoed it. End.';
    const at = source.lastIndexOf('Russia vetoed it');
    const target = targetFromRange(source, at, at + 'Russia vetoed it'.length, 1);
    const edited = `Start. ${source.replace('First:', 'One:').replace('Second:', 'Two:').replace(' End.', ' Fin.')}`;
    expect(anchorTarget(edited, target)?.start).toBe(edited.lastIndexOf('Russia vetoed it'));
  });

  it('ignores a stored position outside the text', () => {
    const target = targetOf('Reactions and Analysis');
    const broken = { ...target, position: { start: -5, end: 17 } };
    expect(quoted(text, anchorTarget(text, broken))).toBe('Reactions and Analysis');
  });
});

describe('trimRange', () => {
  it('drops leading and trailing whitespace and line breaks from a selection', () => {
    const source = 'one \n  two three \n four';
    expect(trimRange(source, 3, 17)).toEqual({ start: 7, end: 16 });
  });

  it('leaves an empty range when only whitespace was selected', () => {
    expect(trimRange('a   b', 1, 4)).toEqual({ start: 4, end: 4 });
  });
});
