/**
 * Import of an article saved or copied as HTML, reduced to the article schema: headings,
 * paragraphs, lists, block quotes, links with safe targets, emphasis and strong emphasis.
 * Everything else goes: markup is unwrapped to its text, and whatever can run or hide
 * (scripts, styles, frames, plugins, SVG, MathML, forms, templates, event handlers,
 * `javascript:` and `data:` links) is dropped with its content. Parsing is parse5's
 * spec-compliant tokenizer on a plain tree — no DOM, nothing is ever rendered or run.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { Fragment, type Mark, type Node } from 'prosemirror-model';
import { articleSchema, isSafeHref } from '../schema.js';
import type { ArticleJSON } from '../ydoc.js';
import { slugify } from './plain-text.js';

type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Elements dropped with everything inside them: executable, embedded, hidden or page furniture. */
const DROPPED = new Set([
  'head', 'title', 'script', 'noscript', 'style', 'template', 'slot', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'param', 'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'img', 'picture',
  'map', 'area', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea',
  'datalist', 'output', 'dialog', 'nav', 'hr', 'portal', 'xmp', 'plaintext', 'noembed', 'noframes',
]);

/** Elements whose text flows on within the surrounding paragraph. */
const INLINE = new Set([
  'a', 'em', 'i', 'strong', 'b', 'span', 'code', 'kbd', 'samp', 'var', 'u', 's', 'strike', 'del', 'ins', 'sub',
  'sup', 'small', 'big', 'mark', 'abbr', 'acronym', 'cite', 'dfn', 'q', 'time', 'data', 'bdi', 'bdo', 'font',
  'label', 'wbr', 'ruby', 'rb', 'rt', 'rp', 'tt', 'nobr', 'meter', 'progress',
]);

/** Beyond this many nested elements, the rest of a branch is junk and is dropped. */
const MAX_DEPTH = 200;
/** Beyond this many nested lists and quotes, deeper ones are flattened into their parent. */
const MAX_NESTING = 16;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;
const HTML_WHITESPACE = /[ \t\n\f\r]+/g;

/** A run of text with its marks, or a line break. */
type Piece = { text: string; marks: readonly Mark[] } | 'break';

const { nodes, marks } = articleSchema;

/**
 * Converts an HTML page or fragment to an article document and its title (the first h1, else
 * <title>, else the first heading or text); throws when no text is left.
 */
export function importHtml(html: string): { doc: ArticleJSON; title: string } {
  const page = parse(html);
  const ids = uniqueIds();
  const blocks = readBlocks(page.childNodes, 0, 0, ids);
  if (blocks.length === 0) throw new Error('The HTML has no readable text (only markup, scripts or styles).');
  const doc = nodes.doc.create(null, blocks);
  // A page's <title> often carries the site's name ("Story | Gazette"); its h1 rarely does.
  const title = firstHeading(doc, 1) || titleTag(page) || firstHeading(doc) || firstText(doc);
  return { doc: doc.toJSON() as ArticleJSON, title };
}

/** The blocks of a run of sibling nodes: loose text and inline elements gather into paragraphs. */
function readBlocks(children: ChildNode[], depth: number, nesting: number, ids: Ids): Node[] {
  const out: Node[] = [];
  let pending: Piece[] = [];
  const flush = () => {
    out.push(...paragraphs(pending));
    pending = [];
  };
  for (const child of children) {
    if (child.nodeName === '#text') pending.push({ text: (child as DefaultTreeAdapterMap['textNode']).value, marks: [] });
    if (!isElement(child) || isDropped(child, depth)) continue;
    if (child.tagName === 'br') pending.push('break');
    else if (INLINE.has(child.tagName)) pending.push(...readInline(child, [], depth + 1));
    else {
      flush();
      out.push(...readBlock(child, depth + 1, nesting, ids));
    }
  }
  flush();
  return out;
}

/** One block-level element as article blocks; unknown containers are unwrapped. */
function readBlock(element: Element, depth: number, nesting: number, ids: Ids): Node[] {
  const tag = element.tagName;
  const level = /^h([1-6])$/.exec(tag);
  if (level) {
    const content = inlineNodes(readInlineChildren(element, depth));
    if (content.length === 0) return [];
    const text = content.map((node) => node.text ?? '').join('');
    return [nodes.heading.create({ level: Math.min(Number(level[1]), 3), id: ids(slugify(text)) }, content)];
  }
  if (tag === 'p') return paragraphs(readInlineChildren(element, depth));
  if (tag === 'pre') return paragraphs(preformatted(element));
  if ((tag === 'ul' || tag === 'ol') && nesting < MAX_NESTING) return list(element, depth, nesting + 1, ids);
  if (tag === 'blockquote' && nesting < MAX_NESTING) {
    const content = readBlocks(element.childNodes, depth, nesting + 1, ids);
    return content.length === 0 ? [] : [nodes.blockquote.create(null, content)];
  }
  return readBlocks(element.childNodes, depth, nesting, ids);
}

/** A bullet list of the element's items; stray content between items becomes an item of its own. */
function list(element: Element, depth: number, nesting: number, ids: Ids): Node[] {
  const items: Node[] = [];
  let stray: ChildNode[] = [];
  const addItem = (children: ChildNode[]) => {
    const blocks = readBlocks(children, depth, nesting, ids);
    if (blocks.length === 0) return;
    const [first, ...rest] = blocks;
    const lead = first.type === nodes.heading ? nodes.paragraph.create(null, first.content) : first;
    const content = lead.type === nodes.paragraph ? [lead, ...rest] : [nodes.paragraph.create(), ...blocks];
    items.push(nodes.list_item.create(null, content));
  };
  for (const child of element.childNodes) {
    if (isElement(child) && child.tagName === 'li') {
      addItem(stray);
      stray = [];
      if (!isDropped(child, depth)) addItem(child.childNodes);
    } else stray.push(child);
  }
  addItem(stray);
  return items.length === 0 ? [] : [nodes.bullet_list.create(null, items)];
}

/** The pieces of an inline element; blocks nested in it are read as inline text. */
function readInline(element: Element, outer: readonly Mark[], depth: number): Piece[] {
  let active = outer;
  const tag = element.tagName;
  if (tag === 'em' || tag === 'i') active = marks.em.create().addToSet(active);
  else if (tag === 'strong' || tag === 'b') active = marks.strong.create().addToSet(active);
  else if (tag === 'a') {
    const href = element.attrs.find((attr) => attr.name === 'href')?.value.trim();
    if (isSafeHref(href)) active = marks.link.create({ href }).addToSet(active);
  }
  const pieces: Piece[] = [];
  for (const child of element.childNodes) {
    if (child.nodeName === '#text') pieces.push({ text: (child as DefaultTreeAdapterMap['textNode']).value, marks: active });
    if (!isElement(child) || isDropped(child, depth)) continue;
    if (child.tagName === 'br') pieces.push('break');
    else {
      const inner = readInline(child, active, depth + 1);
      // A block inside an inline element still separates words.
      if (!INLINE.has(child.tagName)) pieces.push({ text: ' ', marks: active }, ...inner, { text: ' ', marks: active });
      else pieces.push(...inner);
    }
  }
  return pieces;
}

function readInlineChildren(element: Element, depth: number): Piece[] {
  return readInline(element, [], depth);
}

/** Preformatted text keeps its lines: each becomes a paragraph. */
function preformatted(element: Element): Piece[] {
  return readInlineChildren(element, 0).flatMap((piece) =>
    piece === 'break'
      ? [piece]
      : piece.text.split(/\r\n|\r|\n/).flatMap((line, i) => (i === 0 ? [{ ...piece, text: line }] : ['break' as const, { ...piece, text: line }])),
  );
}

/** Paragraphs of a run of pieces, split at line breaks; empty ones are left out. */
function paragraphs(pieces: Piece[]): Node[] {
  const out: Node[] = [];
  let run: Piece[] = [];
  for (const piece of [...pieces, 'break' as const]) {
    if (piece !== 'break') {
      run.push(piece);
      continue;
    }
    const content = inlineNodes(run);
    if (content.length > 0) out.push(nodes.paragraph.create(null, content));
    run = [];
  }
  return out;
}

/** Text nodes of a run, with HTML's whitespace collapsing and no space at either end. */
function inlineNodes(pieces: Piece[]): Node[] {
  const runs: { text: string; marks: readonly Mark[] }[] = [];
  let afterSpace = true;
  for (const piece of pieces) {
    let text = piece === 'break' ? ' ' : piece.text.replace(CONTROL_CHARACTERS, '').replace(HTML_WHITESPACE, ' ');
    if (afterSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    afterSpace = text.endsWith(' ');
    runs.push({ text, marks: piece === 'break' ? [] : piece.marks });
  }
  while (runs.length > 0) {
    const last = runs[runs.length - 1];
    last.text = last.text.replace(/ $/, '');
    if (last.text !== '') break;
    runs.pop();
  }
  const fragment = Fragment.fromArray(runs.map((run) => articleSchema.text(run.text, run.marks)));
  const out: Node[] = [];
  fragment.forEach((node) => out.push(node));
  return out;
}

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

/** Dropped: a listed element, a hidden one, or one nested past the depth limit. */
function isDropped(element: Element, depth: number): boolean {
  if (depth >= MAX_DEPTH || DROPPED.has(element.tagName)) return true;
  if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  return element.attrs.some(
    (attr) => attr.name === 'hidden' || (attr.name === 'aria-hidden' && attr.value.trim().toLowerCase() === 'true'),
  );
}

function titleTag(page: ParentNode): string {
  const html = page.childNodes.find(isElementNamed('html'));
  const head = html && isElement(html) ? html.childNodes.find(isElementNamed('head')) : undefined;
  const title = head && isElement(head) ? head.childNodes.find(isElementNamed('title')) : undefined;
  if (!title || !isElement(title)) return '';
  return title.childNodes
    .map((child) => (child.nodeName === '#text' ? (child as DefaultTreeAdapterMap['textNode']).value : ''))
    .join('')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isElementNamed(name: string): (node: ChildNode) => boolean {
  return (node) => isElement(node) && node.tagName === name;
}

/** The text of the first heading (of `level`, when given). */
function firstHeading(doc: Node, level?: number): string {
  let found = '';
  doc.descendants((node) => {
    if (!found && node.type === nodes.heading && (level === undefined || node.attrs.level === level)) found = node.textContent;
    return !found;
  });
  return found;
}

function firstText(doc: Node): string {
  let found = '';
  doc.descendants((node) => {
    if (!found && node.isTextblock) found = node.textContent;
    return !found;
  });
  return found;
}

type Ids = (wanted: string) => string;

/** A generator of ids not handed out before: "id", then "id-2", "id-3"… */
function uniqueIds(): Ids {
  const taken = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    taken.add(id);
    return id;
  };
}
