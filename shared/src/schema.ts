/**
 * The ProseMirror schema of an article: the few block and inline kinds a news article
 * needs (headings, paragraphs and interview turns, lists, quotes, a table of contents).
 * Every importer produces JSON for this schema, every exporter and the editor read it,
 * so it is the one definition of what an article may contain. `toDOM` never trusts
 * attribute values: heading levels are clamped and unsafe link targets are dropped.
 */
import { Schema, type DOMOutputSpec, type Mark, type Node } from 'prosemirror-model';

/** A node of an article: the document itself or anything in it. */
export type ArticleNode = Node;

/** Link targets a reader may follow from an article: in-page anchors, http(s) and mailto. */
const SAFE_HREF = /^(#|https?:\/\/|mailto:)/i;

/** Whether `href` is a link target an article may render (`#…`, http, https, mailto). */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && SAFE_HREF.test(href);
}

const HEADING_LEVELS = [1, 2, 3] as const;
type HeadingLevel = (typeof HEADING_LEVELS)[number];

function isHeadingLevel(level: unknown): level is HeadingLevel {
  return HEADING_LEVELS.includes(level as HeadingLevel);
}

function headingDOM(node: Node): DOMOutputSpec {
  const level = isHeadingLevel(node.attrs.level) ? node.attrs.level : 2;
  const attrs: Record<string, string> = {};
  if (node.attrs.id) attrs.id = String(node.attrs.id);
  return [`h${level}`, attrs, 0];
}

function paragraphDOM(node: Node): DOMOutputSpec {
  const speaker = node.attrs.speaker as string | null;
  return speaker === null ? ['p', 0] : ['p', { class: 'turn', 'data-speaker': speaker }, 0];
}

function linkDOM(mark: Mark): DOMOutputSpec {
  return isSafeHref(mark.attrs.href) ? ['a', { href: mark.attrs.href }, 0] : ['a', 0];
}

/** The schema every article document conforms to. */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    heading: {
      group: 'block',
      content: 'inline*',
      defining: true,
      attrs: {
        level: {
          default: 1,
          validate: (level: unknown) => {
            if (!isHeadingLevel(level)) throw new RangeError('A heading level is 1, 2 or 3');
          },
        },
        id: { default: '', validate: 'string' },
      },
      parseDOM: HEADING_LEVELS.map((level) => ({
        tag: `h${level}`,
        getAttrs: (dom) => ({ level, id: dom.getAttribute('id') ?? '' }),
      })),
      toDOM: headingDOM,
    },
    paragraph: {
      group: 'block',
      content: 'inline*',
      attrs: { speaker: { default: null, validate: 'string|null' } },
      parseDOM: [{ tag: 'p', getAttrs: (dom) => ({ speaker: dom.getAttribute('data-speaker') }) }],
      toDOM: paragraphDOM,
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    blockquote: {
      group: 'block',
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: () => ['blockquote', 0],
    },
    toc: {
      group: 'block',
      content: 'heading bullet_list',
      parseDOM: [{ tag: 'nav' }],
      toDOM: () => ['nav', { 'aria-label': 'Table of contents', class: 'toc' }, 0],
    },
    text: { group: 'inline' },
  },
  marks: {
    link: {
      attrs: { href: { validate: 'string' } },
      inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom) => ({ href: dom.getAttribute('href') ?? '' }) }],
      toDOM: linkDOM,
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: () => ['em', 0],
    },
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: () => ['strong', 0],
    },
    speaker: {
      inclusive: false,
      parseDOM: [{ tag: 'strong.speaker', priority: 60 }],
      toDOM: () => ['strong', { class: 'speaker' }, 0],
    },
  },
});
