/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText } from './import/plain-text.js';
import { articleSchema, type ArticleNode } from './schema.js';
import { buildTextIndex, canonicalText, textHash } from './text.js';

const seed = readFileSync(new URL('../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const seedDoc = articleSchema.nodeFromJSON(importPlainText(seed));

function docOf(...paragraphs: string[]): ArticleNode {
  return articleSchema.nodeFromJSON({
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
  });
}

/** FNV-1a 64 written the obvious way, to check the two-lane version against. */
function referenceHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  }
  return hash.toString(16).padStart(16, '0');
}

describe('canonicalText', () => {
  it('is the seed lines, without empty lines, trailing spaces or the toc entries\' "- " markers', () => {
    // The toc entries' text is the entry alone: "- " is list markup, not article text.
    const lines = seed
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line !== '')
      .map((line) => line.replace(/^- /, ''));
    expect(canonicalText(seedDoc)).toBe(lines.join('\n'));
  });

  it('joins textblocks nested in lists and the toc with one "\\n" each', () => {
    const doc = articleSchema.nodeFromJSON(importPlainText('T\nTable of Contents\n- A\nA\nSaid:\nX one: a.\nX two: b.'));
    expect(canonicalText(doc)).toBe('T\nTable of Contents\nA\nA\nSaid:\nX one: a.\nX two: b.');
  });

  it('keeps empty textblocks as empty lines', () => {
    expect(canonicalText(docOf('one', '', 'two'))).toBe('one\n\ntwo');
  });
});

describe('textHash', () => {
  it('is FNV-1a 64 over UTF-8, as 16 hex digits', () => {
    expect(textHash('')).toBe('cbf29ce484222325');
    expect(textHash('a')).toBe('af63dc4c8601ec8c');
    expect(textHash('foobar')).toBe('85944171f73967e8');
    for (const text of ['Shea’s – “quoted”', 'emoji 🧐 and ünïcödé', seed]) expect(textHash(text)).toBe(referenceHash(text));
  });

  it('changes when one character changes', () => {
    expect(textHash('it dose not')).not.toBe(textHash('it does not'));
  });
});

describe('TextIndex', () => {
  const index = buildTextIndex(seedDoc);

  it('maps every character of the seed to the position holding it, and back', () => {
    const wrong: number[] = [];
    for (let offset = 0; offset < index.text.length; offset++) {
      if (index.text[offset] === '\n') continue;
      const pos = index.offsetToPos(offset, 'start');
      const after = index.offsetToPos(offset + 1, 'end');
      const ok =
        seedDoc.textBetween(pos, pos + 1) === index.text[offset] &&
        after === pos + 1 &&
        index.posToOffset(pos) === offset &&
        index.posToOffset(after, 'end') === offset + 1;
      if (!ok) wrong.push(offset);
    }
    expect(wrong).toEqual([]);
  });

  it('maps every claim-sized range to positions holding the same text, and back', () => {
    for (let start = 0; start < index.text.length - 40; start += 7) {
      const range = { start, end: start + 40 };
      const { from, to } = index.rangeToPositions(range.start, range.end);
      expect(seedDoc.textBetween(from, to, '\n')).toBe(index.text.slice(range.start, range.end).replace(/^\n|\n$/g, ''));
      const back = index.positionsToRange(from, to);
      expect(index.text.slice(back.start, back.end)).toBe(index.text.slice(range.start, range.end).replace(/^\n|\n$/g, ''));
    }
  });

  it('puts an offset on a block separator in the next block (start) or the previous one (end)', () => {
    const doc = docOf('ab', 'cd');
    const small = buildTextIndex(doc);
    // <p>ab</p><p>cd</p>: "a" at 1, end of block 1 at 3, start of block 2 at 5.
    expect(small.offsetToPos(2)).toBe(3);
    expect(small.offsetToPos(2, 'start')).toBe(5);
    expect(small.offsetToPos(3)).toBe(5);
    expect(small.offsetToPos(3, 'end')).toBe(3);
    expect(small.rangeToPositions(2, 3)).toEqual({ from: 5, to: 5 });
    expect(small.rangeToPositions(1, 4)).toEqual({ from: 2, to: 6 });
  });

  it('maps positions between blocks to the next block start, or with side "end" the previous block end', () => {
    const small = buildTextIndex(docOf('ab', 'cd'));
    expect(small.posToOffset(0)).toBe(0);
    expect(small.posToOffset(4)).toBe(3);
    expect(small.posToOffset(4, 'end')).toBe(2);
    expect(small.posToOffset(8)).toBe(5);
    expect(small.positionsToRange(0, 8)).toEqual({ start: 0, end: 5 });
  });

  it('clamps offsets outside the text', () => {
    const small = buildTextIndex(docOf('ab'));
    expect(small.offsetToPos(-3)).toBe(1);
    expect(small.offsetToPos(99)).toBe(3);
  });

  it('maps 10,000 claim ranges of the seed in well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const start = (i * 7919) % (index.text.length - 50);
      const { from, to } = index.rangeToPositions(start, start + 50);
      index.positionsToRange(from, to);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
