import { describe, expect, it } from 'vitest';
import { Mark, type Node } from 'prosemirror-model';
import { readFileSync } from 'node:fs';
import { importPlainText } from '../import/plain-text.js';
import { articleSchema } from '../schema.js';
import { CHUNK_LENGTH, chunkedDoc, DENSE_FROM } from './view-doc.js';

const seedDoc = articleSchema.nodeFromJSON(importPlainText(readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8')));

/** A node's JSON, as far as these tests read it. */
interface NodeJSON {
  marks?: { type: string }[];
  content?: NodeJSON[];
}

/** The document with the chunk marks taken off (neighbouring text joins up again). */
function unchunked(doc: Node): Node {
  const strip = (json: NodeJSON): NodeJSON => ({
    ...json,
    ...(json.marks && { marks: json.marks.filter((mark) => mark.type !== 'chunk') }),
    ...(json.content && { content: json.content.map(strip) }),
  });
  return articleSchema.nodeFromJSON(strip(doc.toJSON() as NodeJSON));
}

/** Each textblock's text nodes, in order. */
function runsByBlock(doc: Node): Node[][] {
  const blocks: Node[][] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const runs: Node[] = [];
    node.forEach((child) => child.isText && runs.push(child));
    blocks.push(runs);
    return false;
  });
  return blocks;
}

function texts(doc: Node): Node[] {
  const found: Node[] = [];
  doc.descendants((node) => {
    if (node.isText) found.push(node);
  });
  return found;
}

/** A badge at every position of the document: every textblock but the shortest densely annotated. */
const everywhere = Array.from({ length: seedDoc.content.size }, (_, i) => ({ from: i }));

describe('text chunks', () => {
  const chunked = chunkedDoc(seedDoc, everywhere);

  it('keeps the article: the same nodes, text and positions', () => {
    expect(chunked.content.size).toBe(seedDoc.content.size);
    expect(unchunked(chunked).eq(seedDoc)).toBe(true);
  });

  it('cuts the text into short runs ending after a space, each in a mark of its own', () => {
    const runs = texts(chunked);
    expect(runs.length).toBeGreaterThan(seedDoc.textContent.length / (2 * CHUNK_LENGTH));
    expect(Math.max(...runs.map((run) => run.text!.length))).toBeLessThanOrEqual(2 * CHUNK_LENGTH);
    const numbers = runs.flatMap((run) => run.marks.filter((mark) => mark.type.name === 'chunk').map((mark) => mark.attrs.n as number));
    expect(numbers.length).toBeGreaterThan(runs.length * 0.9);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Where a run was cut from the text after it (same marks but the chunk), it was cut after a space: no word is split.
    const others = (run: Node) => run.marks.filter((mark) => mark.type.name !== 'chunk');
    const cut = runsByBlock(chunked).flatMap((block) => block.filter((run, i) => block[i + 1] && Mark.sameSet(others(run), others(block[i + 1]))));
    expect(cut.length).toBeGreaterThan(100);
    for (const run of cut) expect([run.text!.length >= CHUNK_LENGTH, run.text!.endsWith(' ')]).toEqual([true, true]);
  });

  it('keeps links and emphasis around the runs, innermost the chunk', () => {
    const long = 'a linked passage that runs on for well over sixty-four characters before it ends';
    const doc = articleSchema.node('doc', null, [
      articleSchema.node('paragraph', null, [articleSchema.text(long, [articleSchema.marks.link.create({ href: '#x' }), articleSchema.marks.em.create()])]),
    ]);
    const runs = texts(chunkedDoc(doc, Array.from({ length: DENSE_FROM }, (_, i) => ({ from: 1 + i }))));
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) expect(run.marks.map((mark) => mark.type.name)).toEqual(['link', 'em', 'chunk']);
    expect(runs.map((run) => run.text).join('')).toBe(long);
  });

  it('leaves whole the text of blocks with fewer badges', () => {
    let dense = -1;
    let sparse = -1;
    seedDoc.descendants((node, pos) => {
      if (node.isTextblock && node.content.size > 4 * CHUNK_LENGTH) [dense, sparse] = dense < 0 ? [pos, sparse] : [dense, sparse < 0 ? pos : sparse];
      return !node.isTextblock;
    });
    const badges = [...Array.from({ length: DENSE_FROM }, (_, i) => ({ from: dense + 1 + i })), ...Array.from({ length: DENSE_FROM - 1 }, (_, i) => ({ from: sparse + 1 + i }))];
    const doc = chunkedDoc(seedDoc, badges);
    expect(doc.nodeAt(dense)!.childCount).toBeGreaterThan(seedDoc.nodeAt(dense)!.childCount);
    expect(doc.nodeAt(sparse)!.childCount).toBe(seedDoc.nodeAt(sparse)!.childCount);
    expect(texts(doc).filter((run) => run.marks.some((mark) => mark.type.name === 'chunk')).length).toBe(doc.nodeAt(dense)!.childCount);
    expect(unchunked(doc).eq(seedDoc)).toBe(true);
  });
});
