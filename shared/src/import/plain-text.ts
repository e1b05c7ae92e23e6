/**
 * Import of an article pasted or saved as plain text: recovers the structure a reader
 * sees (title, table of contents, sections, interview turns, term lists) from line
 * shapes alone. The text itself is kept exactly as written — typos included, since this
 * is the article under review — only trailing whitespace and empty lines go.
 *
 * Rules, in the order they are decided:
 * 1. The first non-empty line is the title (heading 1).
 * 2. "Table of Contents" followed by "- entry" lines is the table of contents; an entry's
 *    text is the line without its "- " marker.
 * 3. A later line equal to an entry is a section heading (heading 2) the entry links to.
 * 4. A line opening with a label of up to 3 words and a colon is an interview turn when
 *    the label is a speaker: one used at least twice (compared without case or spaces).
 * 5. Two or more "Term: sentence." lines after a line ending with ":" are a list.
 * 6. A short title-like line followed by a paragraph is a subheading (heading 3).
 * 7. Every other line is a paragraph.
 */
import type { ArticleJSON } from '../ydoc.js';

interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}
interface TextJSON {
  type: 'text';
  text: string;
  marks?: MarkJSON[];
}
interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: (NodeJSON | TextJSON)[];
}

type LineKind = 'paragraph' | 'turn' | 'section' | 'subsection' | 'item';

interface Toc {
  /** Index, among the lines after the title, of the "Table of Contents" line. */
  at: number;
  heading: string;
  entries: string[];
}

const TOC_HEADING = /^table of contents$/i;
const TOC_ENTRY = /^\s*[-*•]\s+(\S.*)$/;
/** A label, then a colon followed by a space or the end of the line. */
const LABEL = /^([^\s:,;!?"“”()][^:,;!?"“”()]*?):(?=\s|$)/;
const TERM_LINE = /^([^:]{1,80}):\s+\S.*[.!?]["'”’)]*$/;
const UNFINISHED = /[.:,;…]["'”’)\]]*$/;
const MAX_LABEL_WORDS = 3;
const MAX_TERM_WORDS = 8;
const MAX_SUBHEADING_LENGTH = 100;
const MIN_SUBHEADING_WORDS = 3;
const MAX_SLUG_LENGTH = 64;

/** A URL fragment for a heading: lowercase words joined by hyphens, at most 64 characters, never empty. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug || 'section';
  const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
  return slug.slice(0, cut > 0 ? cut : MAX_SLUG_LENGTH);
}

/** Converts plain text to an article document; throws "The article is empty" when there is no text. */
export function importPlainText(text: string): ArticleJSON {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error('The article is empty');
  const [title, ...rest] = lines;
  const toc = findToc(rest);
  const body = toc ? [...rest.slice(0, toc.at), ...rest.slice(toc.at + 1 + toc.entries.length)] : rest;
  const kinds = classify(body, toc);

  const ids = uniqueIds();
  const titleId = ids(slugify(title));
  const tocId = toc ? ids('table-of-contents') : '';
  const sectionIds = new Map<string, string>();
  const blocks: NodeJSON[] = [heading(1, titleId, title)];
  let tocSlot = -1;
  for (let i = 0; i < body.length; i++) {
    if (toc && tocSlot < 0 && i >= toc.at) tocSlot = blocks.length;
    const line = body[i];
    const kind = kinds[i];
    if (kind === 'item') {
      const list = kinds[i - 1] === 'item' ? blocks.at(-1) : undefined;
      if (list?.type === 'bullet_list') list.content?.push(listItem([textNode(line)]));
      else blocks.push({ type: 'bullet_list', content: [listItem([textNode(line)])] });
    } else if (kind === 'section' || kind === 'subsection') {
      const id = ids(slugify(line));
      if (kind === 'section' && !sectionIds.has(line.trim())) sectionIds.set(line.trim(), id);
      blocks.push(heading(kind === 'section' ? 2 : 3, id, line));
    } else if (kind === 'turn') {
      blocks.push(turn(line));
    } else {
      blocks.push({ type: 'paragraph', content: [textNode(line)] });
    }
  }
  if (toc) {
    const targetOf = (entry: string) => (entry.trim() === title.trim() ? titleId : sectionIds.get(entry.trim()));
    blocks.splice(tocSlot < 0 ? blocks.length : tocSlot, 0, tocNode(toc, tocId, targetOf));
  }
  return { type: 'doc', content: blocks };
}

/** The table of contents: its heading line and the "- entry" lines right after it. */
function findToc(lines: string[]): Toc | null {
  for (let at = 0; at < lines.length; at++) {
    if (!TOC_HEADING.test(lines[at].trim())) continue;
    const entries: string[] = [];
    for (let i = at + 1; i < lines.length; i++) {
      const entry = TOC_ENTRY.exec(lines[i]);
      if (!entry) break;
      entries.push(entry[1]);
    }
    if (entries.length > 0) return { at, heading: lines[at], entries };
  }
  return null;
}

/** Decides the kind of every body line (rules 3 to 7 of the header). */
function classify(body: string[], toc: Toc | null): LineKind[] {
  const entries = new Set(toc?.entries.map((entry) => entry.trim()));
  const kinds: LineKind[] = body.map((line, i) =>
    toc && i >= toc.at && entries.has(line.trim()) ? 'section' : 'paragraph',
  );

  // Term lines after an intro look like turns ("Realignment of Alliances: …") and may
  // repeat, so they do not count towards who the speakers are.
  const runs = termRuns(body, kinds);
  const inRun = new Set(runs.flatMap(([from, to]) => range(from, to)));
  const counts = new Map<string, number>();
  body.forEach((line, i) => {
    const label = speakerLabel(line);
    if (label === null || kinds[i] !== 'paragraph' || inRun.has(i)) return;
    counts.set(speakerKey(label), (counts.get(speakerKey(label)) ?? 0) + 1);
  });
  body.forEach((line, i) => {
    const label = speakerLabel(line);
    if (label !== null && kinds[i] === 'paragraph' && (counts.get(speakerKey(label)) ?? 0) >= 2) kinds[i] = 'turn';
  });

  for (const [from, to] of runs) {
    let end = from;
    while (end < to && kinds[end] === 'paragraph') end++;
    if (end - from >= 2) for (let i = from; i < end; i++) kinds[i] = 'item';
  }

  for (let i = body.length - 1; i >= 0; i--) {
    const next = kinds[i + 1];
    if (kinds[i] === 'paragraph' && isTitleLike(body[i]) && (next === 'paragraph' || next === 'turn')) {
      kinds[i] = 'subsection';
    }
  }
  return kinds;
}

/** Runs [from, to) of two or more "Term: sentence." lines right after a line ending with ":". */
function termRuns(body: string[], kinds: LineKind[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < body.length; i++) {
    if (kinds[i] !== 'paragraph' || !body[i].endsWith(':')) continue;
    let end = i + 1;
    while (end < body.length && kinds[end] === 'paragraph' && isTermLine(body[end])) end++;
    if (end - (i + 1) >= 2) runs.push([i + 1, end]);
  }
  return runs;
}

function isTermLine(line: string): boolean {
  const match = TERM_LINE.exec(line);
  return match !== null && wordCount(match[1]) <= MAX_TERM_WORDS;
}

/** The label of a line opening with "Label:", as written; null when there is none. */
function speakerLabel(line: string): string | null {
  const match = LABEL.exec(line);
  return match && wordCount(match[1]) <= MAX_LABEL_WORDS ? match[1] : null;
}

/** "Dr. Petrova", "dr. Petrova" and "Dr.Petrova" are one speaker. */
function speakerKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, '');
}

function isTitleLike(line: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed.length <= MAX_SUBHEADING_LENGTH && !UNFINISHED.test(trimmed) && wordCount(trimmed) >= MIN_SUBHEADING_WORDS
  );
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** A generator of ids not handed out before: "id", then "id-2", "id-3"… */
function uniqueIds(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    taken.add(id);
    return id;
  };
}

function textNode(text: string, marks?: MarkJSON[]): TextJSON {
  return marks ? { type: 'text', text, marks } : { type: 'text', text };
}

function heading(level: 1 | 2 | 3, id: string, text: string): NodeJSON {
  return { type: 'heading', attrs: { level, id }, content: [textNode(text)] };
}

function listItem(content: TextJSON[]): NodeJSON {
  return { type: 'list_item', content: [{ type: 'paragraph', content }] };
}

/** An interview turn: the label and its colon carry the speaker mark. */
function turn(line: string): NodeJSON {
  const label = speakerLabel(line) as string;
  const cut = label.length + 1;
  const content = [textNode(line.slice(0, cut), [{ type: 'speaker' }])];
  if (cut < line.length) content.push(textNode(line.slice(cut)));
  return { type: 'paragraph', attrs: { speaker: label }, content };
}

function tocNode(toc: Toc, id: string, targetOf: (entry: string) => string | undefined): NodeJSON {
  const items = toc.entries.map((entry) => {
    const target = targetOf(entry);
    return listItem([textNode(entry, target ? [{ type: 'link', attrs: { href: `#${target}` } }] : undefined)]);
  });
  return { type: 'toc', content: [heading(2, id, toc.heading), { type: 'bullet_list', content: items }] };
}
