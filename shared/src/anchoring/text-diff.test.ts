import { describe, expect, it } from 'vitest';
import { diffTexts, mapPosition } from './text-diff.js';

describe('diffTexts and mapPosition', () => {
  it('maps every position of an unchanged text onto itself', () => {
    const text = 'one\ntwo\nthree';
    const segments = diffTexts(text, text);
    expect(segments).toEqual([{ oldStart: 0, newStart: 0, length: text.length }]);
    for (let at = 0; at <= text.length; at++) expect(mapPosition(segments, at, 'start')).toBe(at);
  });

  it('shifts positions after an inserted line, and keeps the insertion outside a range next to it', () => {
    const segments = diffTexts('alpha\nbeta\ngamma', 'alpha\nNEW\nbeta\ngamma');
    const beta = 'alpha\n'.length;
    expect(mapPosition(segments, beta, 'start')).toBe('alpha\nNEW\n'.length);
    expect(mapPosition(segments, beta, 'end')).toBe(beta);
    expect(mapPosition(segments, 0, 'start')).toBe(0);
  });

  it('maps around a word changed inside a line', () => {
    const before = 'intro\nit dose not fully justify\nend';
    const after = 'intro\nit does not fully justify\nend';
    const segments = diffTexts(before, after);
    const start = before.indexOf('it dose');
    const end = before.indexOf('\nend');
    expect(after.slice(mapPosition(segments, start, 'start'), mapPosition(segments, end, 'end'))).toBe('it does not fully justify');
  });

  it('maps a range inside a deleted line to an empty range where it was', () => {
    const segments = diffTexts('a\nremoved line\nb', 'a\nb');
    const from = mapPosition(segments, 4, 'start');
    expect(from).toBe(mapPosition(segments, 9, 'end'));
    expect(from).toBe(2);
  });

  it('finds lines that stayed when others around them moved', () => {
    const segments = diffTexts('1\n2\n3\n4\n5', '2\n3\n4\n5\n1');
    expect(mapPosition(segments, '1\n'.length, 'start')).toBe(0);
  });
});
