import { describe, expect, it } from 'vitest';
import { innermostFirst, sweepSegments, type Span } from './segments.js';

/** The sweep's pieces as a list, each with the claims covering it (innermost first). */
function highlightSegments<T extends Span>(spans: readonly T[], within?: { from: number; to: number }) {
  const segments: { from: number; to: number; covering: T[] }[] = [];
  sweepSegments(spans, within, (from, to, open) => segments.push({ from, to, covering: open.map((i) => spans[i]) }));
  return segments;
}

/** The definition, one filter per piece: what the sweep must agree with. */
function naiveSegments(spans: readonly Span[]) {
  const bounds = [...new Set(spans.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  const segments: { from: number; to: number; covering: Span[] }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    const covering = spans.filter((s) => s.from <= from && s.to >= to).sort(innermostFirst);
    if (covering.length) segments.push({ from, to, covering });
  }
  return segments;
}

const span = (number: number, from: number, to: number): Span => ({ id: `c${number}`, number, from, to });
const ids = (segments: { from: number; to: number; covering: Span[] }[]) => segments.map((s) => [s.from, s.to, s.covering.map((c) => c.id)]);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('highlight segments', () => {
  it('splits overlapping claims into the part of each alone and the part they share', () => {
    expect(ids(highlightSegments([span(1, 0, 10), span(2, 5, 25)]))).toEqual([
      [0, 5, ['c1']],
      [5, 10, ['c1', 'c2']],
      [10, 25, ['c2']],
    ]);
  });

  it('lists the nested claim first where it sits inside another', () => {
    expect(ids(highlightSegments([span(1, 0, 20), span(2, 5, 10)]))).toEqual([
      [0, 5, ['c1']],
      [5, 10, ['c2', 'c1']],
      [10, 20, ['c1']],
    ]);
  });

  it('keeps adjacent claims in separate pieces and leaves gaps unhighlighted', () => {
    expect(ids(highlightSegments([span(1, 0, 5), span(2, 5, 9), span(3, 12, 14)]))).toEqual([
      [0, 5, ['c1']],
      [5, 9, ['c2']],
      [12, 14, ['c3']],
    ]);
  });

  it('puts the later claim first when two cover the very same text', () => {
    expect(ids(highlightSegments([span(1, 3, 8), span(2, 3, 8)]))).toEqual([[3, 8, ['c2', 'c1']]]);
  });

  it('cuts the pieces at the ends of a range when asked for that range only', () => {
    expect(ids(highlightSegments([span(1, 0, 20), span(2, 5, 10), span(3, 30, 40)], { from: 8, to: 15 }))).toEqual([
      [8, 10, ['c2', 'c1']],
      [10, 15, ['c1']],
    ]);
  });

  it('tells the visitor where a claim starts, and not where a claim only ends or the range cuts one', () => {
    const visited = (spans: Span[], within?: { from: number; to: number }) => {
      const seen: [number, number, string[], boolean][] = [];
      sweepSegments(spans, within, (from, to, open, opened) => seen.push([from, to, open.map((i) => spans[i].id), opened]));
      return seen;
    };
    const spans = [span(1, 0, 20), span(2, 8, 10), span(3, 10, 12)];
    expect(visited(spans)).toEqual([
      [0, 8, ['c1'], true],
      [8, 10, ['c2', 'c1'], true],
      [10, 12, ['c3', 'c1'], true],
      [12, 20, ['c1'], false],
    ]);
    expect(visited(spans, { from: 9, to: 15 })).toEqual([
      [9, 10, ['c2', 'c1'], false],
      [10, 12, ['c3', 'c1'], true],
      [12, 15, ['c1'], false],
    ]);
  });

  it('agrees with filtering every claim at every boundary on random claims', () => {
    const next = random(42);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: 1 + Math.floor(next() * 40) }, (_, i) => {
        const from = Math.floor(next() * 60);
        // Small numbers repeat: ties in length and number keep their input order in both.
        return { id: `r${i}`, number: 1 + Math.floor(next() * 8), from, to: from + 1 + Math.floor(next() * 25) };
      });
      expect(ids(highlightSegments(spans))).toEqual(ids(naiveSegments(spans)));
    }
  });

  it('cuts ten thousand claims in well under a second', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => span(i + 1, i * 7, i * 7 + 12 + (i % 5) * 9));
    const started = performance.now();
    expect(highlightSegments(spans).length).toBeGreaterThan(10_000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
