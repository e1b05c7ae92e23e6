/**
 * The article as HTML with every claim's span in a `<mark>`. Claims may overlap, nest,
 * touch or coincide, and they cross inline formatting and paragraph ends, so each
 * textblock is cut into segments at every claim and formatting boundary and the open
 * elements are kept on a stack in one fixed order (claims by number, outer first, then
 * the article's own marks): between two segments only what differs is closed and
 * reopened, so the nesting is never broken. A claim's first segment carries its id and a
 * visible numbered label linking to its entry in the claims section.
 */
import type { Mark } from 'prosemirror-model';
import { shownVerdict } from '../stored-claim.js';
import { isSafeHref, type ArticleNode } from '../schema.js';
import type { NumberedClaim } from './export-input.js';
import { escapeHtml } from './escape.js';

/** Ids the export gives its own elements; an article heading must not take one. */
const RESERVED_ID = /^(claim-\d+|mark-\d+|claims-heading)$/;

/** The id an article heading keeps in the export: its own, unless the export needs that one. */
export function articleId(id: string): string {
  return RESERVED_ID.test(id) ? `article-${id}` : id;
}

interface Wrapper {
  key: string;
  open: string;
  close: string;
}

/** The label of claim N in the text: number, verdict icon and verdict, linking to its entry. */
export function claimLabel(numbered: NumberedClaim): string {
  const v = shownVerdict(numbered.claim);
  return (
    `<a class="claim-label" href="#claim-${numbered.number}"><span class="visually-hidden">Claim </span>` +
    `${numbered.number} <span aria-hidden="true">${escapeHtml(v.icon)}</span> ${escapeHtml(v.label)}</a>`
  );
}

function markWrapper(mark: Mark): Wrapper {
  switch (mark.type.name) {
    case 'link': {
      const href = mark.attrs.href as unknown;
      if (!isSafeHref(href)) return { key: 'link:', open: '<a>', close: '</a>' };
      const target = href.startsWith('#') ? `#${articleId(href.slice(1))}` : href;
      const rel = href.startsWith('#') ? '' : ' rel="nofollow noopener noreferrer"';
      return { key: `link:${href}`, open: `<a href="${escapeHtml(target)}"${rel}>`, close: '</a>' };
    }
    case 'em':
      return { key: 'em', open: '<em>', close: '</em>' };
    case 'speaker':
      return { key: 'speaker', open: '<strong class="speaker">', close: '</strong>' };
    default:
      return { key: 'strong', open: '<strong>', close: '</strong>' };
  }
}

/** Renders one textblock's inline content, starting at `blockStart` of the canonical text. */
function renderInline(block: ArticleNode, blockStart: number, claims: readonly NumberedClaim[], labelled: Set<number>): string {
  const blockEnd = blockStart + block.content.size;
  // One wrapper per claim, made once: a block may have thousands of segments (10,000 claims add up).
  const here = claims
    .filter((c) => c.range !== null && c.range.start < blockEnd && c.range.end > blockStart)
    .map((c) => ({ key: `claim:${c.number}`, open: '', close: '</mark>', claim: c, start: c.range!.start, end: c.range!.end }));
  const out: string[] = [];
  const stack: Wrapper[] = [];

  block.forEach((child, offset) => {
    const text = child.text ?? '';
    const from = blockStart + offset;
    const to = from + text.length;
    const cuts = new Set([from, to]);
    for (const c of here) {
      if (c.start > from && c.start < to) cuts.add(c.start);
      if (c.end > from && c.end < to) cuts.add(c.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const marks = child.marks.map(markWrapper);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const wanted: (Wrapper & { claim?: NumberedClaim })[] = [];
      for (const c of here) if (c.start <= a && c.end >= b) wanted.push(c);
      for (const m of marks) wanted.push(m);
      let keep = 0;
      while (keep < stack.length && keep < wanted.length && stack[keep].key === wanted[keep].key) keep++;
      while (stack.length > keep) out.push(stack.pop()!.close);
      for (let w = keep; w < wanted.length; w++) {
        const wrapper = wanted[w];
        if (wrapper.claim) {
          const n = wrapper.claim.number;
          const first = !labelled.has(n);
          labelled.add(n);
          out.push(`<mark class="claim" data-claim="${n}"${first ? ` id="mark-${n}"` : ''}>`);
          if (first) out.push(claimLabel(wrapper.claim));
        } else out.push(wrapper.open);
        stack.push(wrapper);
      }
      out.push(escapeHtml(text.slice(a - from, b - from)));
    }
  });
  while (stack.length > 0) out.push(stack.pop()!.close);
  return out.join('');
}

/** The article's blocks as HTML, with the claims marked; `claims` must be numbered in reading order. */
export function renderArticle(doc: ArticleNode, claims: readonly NumberedClaim[]): string {
  let offset = 0;
  const labelled = new Set<number>();

  const textblock = (node: ArticleNode) => {
    const html = renderInline(node, offset, claims, labelled);
    offset += node.content.size + 1;
    return html;
  };
  const children = (node: ArticleNode) => {
    const parts: string[] = [];
    node.forEach((child) => parts.push(render(child)));
    return parts.join('');
  };
  const render = (node: ArticleNode): string => {
    switch (node.type.name) {
      case 'heading': {
        const level = [1, 2, 3].includes(node.attrs.level as number) ? (node.attrs.level as number) : 2;
        const id = node.attrs.id ? ` id="${escapeHtml(articleId(String(node.attrs.id)))}"` : '';
        return `<h${level}${id}>${textblock(node)}</h${level}>\n`;
      }
      case 'paragraph': {
        const speaker = node.attrs.speaker as string | null;
        const attrs = speaker === null ? '' : ` class="turn" data-speaker="${escapeHtml(speaker)}"`;
        return `<p${attrs}>${textblock(node)}</p>\n`;
      }
      case 'bullet_list':
        return `<ul>\n${children(node)}</ul>\n`;
      case 'list_item':
        return `<li>${children(node)}</li>\n`;
      case 'blockquote':
        return `<blockquote>\n${children(node)}</blockquote>\n`;
      case 'toc':
        return `<nav aria-label="Table of contents" class="toc">\n${children(node)}</nav>\n`;
      default:
        return children(node);
    }
  };
  return children(doc);
}
