/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleSchema, type ArticleNode } from '../schema.js';
import { importPlainText, slugify } from './plain-text.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');

function importToNode(text: string): ArticleNode {
  const doc = articleSchema.nodeFromJSON(importPlainText(text));
  doc.check();
  return doc;
}

function collect(doc: ArticleNode, keep: (node: ArticleNode) => boolean): ArticleNode[] {
  const found: ArticleNode[] = [];
  doc.descendants((node) => {
    if (keep(node)) found.push(node);
  });
  return found;
}

const headings = (doc: ArticleNode, level: number) =>
  collect(doc, (node) => node.type.name === 'heading' && node.attrs.level === level);
const turns = (doc: ArticleNode) => collect(doc, (node) => node.type.name === 'paragraph' && node.attrs.speaker !== null);

describe('importing the seed article', () => {
  const doc = importToNode(seed);
  const toc = doc.child(1);
  const body = [...Array(doc.childCount).keys()].map((i) => doc.child(i));

  it('makes the first line the only level-1 heading, with an id', () => {
    const [title, ...others] = headings(doc, 1);
    expect(others).toEqual([]);
    expect(doc.firstChild).toBe(title);
    expect(title.textContent).toBe(seed.split('\n')[0]);
    expect(title.attrs.id).toBe('us-and-russia-unite-to-oppose-un-resolution-condemning-ukraine');
  });

  it('turns the "Table of Contents" block into a toc of 9 linked entries', () => {
    expect(toc.type.name).toBe('toc');
    expect(toc.firstChild!.type.name).toBe('heading');
    expect(toc.firstChild!.attrs).toEqual({ level: 2, id: 'table-of-contents' });
    expect(toc.firstChild!.textContent).toBe('Table of Contents');
    const entries = collect(toc, (node) => node.type.name === 'list_item');
    expect(entries).toHaveLength(9);
    expect(entries[2].textContent).toBe('the U.S. Counter-Proposal');
  });

  it('links every toc entry to an existing heading with the same text', () => {
    const byId = new Map(collect(doc, (node) => node.type.name === 'heading').map((h) => [h.attrs.id as string, h]));
    const links = collect(toc, (node) => node.isText).map((node) => ({
      text: node.text,
      href: node.marks.find((mark) => mark.type.name === 'link')?.attrs.href as string,
    }));
    expect(links).toHaveLength(10);
    for (const { text, href } of links.slice(1)) {
      expect(href).toMatch(/^#/);
      expect(byId.get(href.slice(1))?.textContent).toBe(text);
    }
    expect(links[1].href).toBe(`#${doc.firstChild!.attrs.id}`);
  });

  it('makes the 8 body lines named in the toc level-2 headings with unique ids', () => {
    const sections = headings(doc, 2).filter((h) => h.attrs.id !== 'table-of-contents');
    expect(sections.map((h) => h.textContent)).toEqual([
      'The Contentious Resolution',
      'the U.S. Counter-Proposal',
      'U.S. Abstains from Its Own Amended Resolution',
      'U.S. Clarification of the Vote',
      'Reactions and Analysis',
      'Implications for the Future',
      'US-Russia Alliance Against Ukraine Resolution: A Stunning Reversal in Global Politics?',
      'US-Russia Unity Against Ukraine Resolution: A Stunning Reversal or Calculated risk?',
    ]);
    expect(headings(doc, 2)).toHaveLength(9);
    const ids = collect(doc, (node) => node.type.name === 'heading').map((h) => h.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes exactly the 4 interview subtitles level-3 headings', () => {
    expect(headings(doc, 3).map((h) => h.textContent)).toEqual([
      'Deciphering the US Counter-Proposal: A Strategic Miscalculation?',
      'The Futility of Resolutions: A Valid Justification?',
      'Alleged Trump Management Interference: A Threat to International Norms',
      'Long-Term Implications: Risks and Uncertainties',
    ]);
  });

  it('keeps the attribution "The new York Times", followed by a heading, a paragraph', () => {
    const attribution = body.find((node) => node.textContent === 'The new York Times');
    expect(attribution?.type.name).toBe('paragraph');
    expect(attribution?.attrs.speaker).toBeNull();
  });

  it('makes the two runs of "Term: sentence." lines two lists of 4 items', () => {
    const lists = body.filter((node) => node.type.name === 'bullet_list');
    expect(lists.map((list) => list.childCount)).toEqual([4, 4]);
    expect(lists[0].firstChild!.textContent).toMatch(/^Erosion of International Norms: /);
    expect(lists[1].lastChild!.textContent).toMatch(/^Diminished Effectiveness of Diplomacy: /);
  });

  it('finds all 22 interview turns, with labels as written and marked', () => {
    // Counted by hand in the seed file: lines 34–43 (10) and 48 (1) in the first
    // interview; 51–52, 54–55, 57–58, 60–61, 63–64 (10) and 69 (1) in the second.
    const found = turns(doc);
    expect(found).toHaveLength(22);
    expect(new Set(found.map((turn) => turn.attrs.speaker))).toEqual(
      new Set(['interviewer', 'Interviewer', 'Dr. Petrova', 'dr. Petrova', 'Dr. petrova', 'Dr.Petrova']),
    );
    for (const turn of found) {
      const label = turn.firstChild!;
      expect(label.text).toBe(`${turn.attrs.speaker}:`);
      expect(label.marks.map((mark) => mark.type.name)).toEqual(['speaker']);
    }
  });

  it('keeps every line exactly as written, typos included', () => {
    const lines = seed
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line !== '')
      .map((line) => line.replace(/^- /, ''));
    const blocks = collect(doc, (node) => node.isTextblock).map((node) => node.textContent);
    expect(blocks).toEqual(lines);
    expect(blocks).toContain('The new York Times');
    expect(seed).toContain('it dose not fully justify');
  });
});

describe('importing plain text', () => {
  it('refuses an empty article', () => {
    expect(() => importPlainText('')).toThrow('The article is empty');
    expect(() => importPlainText(' \n\r\n  \n')).toThrow('The article is empty');
  });

  it('reads CRLF line ends and drops trailing whitespace and empty lines', () => {
    const doc = importToNode('A title\r\n\r\nFirst paragraph.  \r\nSecond paragraph.\r\n');
    expect(doc.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1, id: 'a-title' }, content: [{ type: 'text', text: 'A title' }] },
        { type: 'paragraph', attrs: { speaker: null }, content: [{ type: 'text', text: 'First paragraph.' }] },
        { type: 'paragraph', attrs: { speaker: null }, content: [{ type: 'text', text: 'Second paragraph.' }] },
      ],
    });
  });

  it('imports an article without a table of contents as a title and paragraphs', () => {
    const doc = importToNode('Title\nOne line.\nTable of Contents\nAnother line.');
    expect(collect(doc, (node) => node.type.name === 'toc')).toEqual([]);
    expect(doc.childCount).toBe(4);
    expect(headings(doc, 2)).toEqual([]);
  });

  it('does not take a label used once for a speaker', () => {
    const doc = importToNode('Title\nNote: this appears once.\nAsker: one?\nAnswerer: two.\nAsker: three?');
    expect(turns(doc).map((turn) => turn.attrs.speaker)).toEqual(['Asker', 'Asker']);
  });

  it('leaves a single "Term: sentence." line after a colon a paragraph', () => {
    const doc = importToNode('Title\nThey include:\nOne Thing: only this.\nThe end.');
    expect(collect(doc, (node) => node.type.name === 'bullet_list')).toEqual([]);
  });

  it('gives repeated section headings distinct ids and links the entry to the first', () => {
    const doc = importToNode('Title\nTable of Contents\n- Part\nPart\nText.\nPart\nMore text.');
    expect(headings(doc, 2).map((h) => h.attrs.id)).toEqual(['table-of-contents', 'part', 'part-2']);
    const link = collect(doc.child(1), (node) => node.isText)[1];
    expect(link.marks[0].attrs.href).toBe('#part');
  });
});

describe('slugify', () => {
  it('makes lowercase hyphenated words, dropping dots and apostrophes', () => {
    expect(slugify('U.S. Clarification of the Vote')).toBe('us-clarification-of-the-vote');
    expect(slugify('Shea’s statement,again')).toBe('sheas-statement-again');
    expect(slugify('Économie: ça va?')).toBe('economie-ca-va');
  });

  it('cuts long titles at a word boundary and never returns an empty slug', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug.endsWith('word')).toBe(true);
    expect(slugify('?!')).toBe('section');
  });
});
