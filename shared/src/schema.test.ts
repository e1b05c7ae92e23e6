import { describe, expect, it } from 'vitest';
import type { DOMOutputSpec } from 'prosemirror-model';
import { articleSchema, isSafeHref } from './schema.js';

const { nodes, marks } = articleSchema;
const domOfNode = (json: unknown): DOMOutputSpec => {
  const node = articleSchema.nodeFromJSON(json);
  return node.type.spec.toDOM!(node);
};
const domOfLink = (href: string): DOMOutputSpec => marks.link.spec.toDOM!(marks.link.create({ href }), true);

describe('articleSchema', () => {
  it('renders a heading at its level with its id', () => {
    expect(domOfNode({ type: 'heading', attrs: { level: 2, id: 'reactions' } })).toEqual(['h2', { id: 'reactions' }, 0]);
  });

  it('refuses heading levels other than 1 to 3', () => {
    expect(() => nodes.heading.create({ level: 4 })).toThrow(RangeError);
    expect(() => articleSchema.nodeFromJSON({ type: 'heading', attrs: { level: 'script' } })).toThrow(RangeError);
  });

  it('renders an interview turn as a paragraph of class "turn" and its label as a speaker', () => {
    expect(domOfNode({ type: 'paragraph', attrs: { speaker: 'Dr. Petrova' } })).toEqual([
      'p',
      { class: 'turn', 'data-speaker': 'Dr. Petrova' },
      0,
    ]);
    expect(domOfNode({ type: 'paragraph' })).toEqual(['p', 0]);
    expect(marks.speaker.spec.toDOM!(marks.speaker.create(), true)).toEqual(['strong', { class: 'speaker' }, 0]);
  });

  it('renders the table of contents as a labelled nav of a heading and a list', () => {
    const toc = {
      type: 'toc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Table of Contents' }] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph' }] }] },
      ],
    };
    expect(domOfNode(toc)).toEqual(['nav', { 'aria-label': 'Table of contents', class: 'toc' }, 0]);
    expect(() => articleSchema.nodeFromJSON({ type: 'toc', content: [] }).check()).toThrow();
  });

  it('keeps the href of in-page, http(s) and mailto links only', () => {
    expect(domOfLink('#the-contentious-resolution')).toEqual(['a', { href: '#the-contentious-resolution' }, 0]);
    expect(domOfLink('https://www.un.org/en/ga/')).toEqual(['a', { href: 'https://www.un.org/en/ga/' }, 0]);
    expect(domOfLink('mailto:desk@example.org')).toEqual(['a', { href: 'mailto:desk@example.org' }, 0]);
    for (const href of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', '//evil.example', 'vbscript:x']) {
      expect(domOfLink(href)).toEqual(['a', 0]);
      expect(isSafeHref(href)).toBe(false);
    }
  });

  it('lets a list item hold a paragraph and further blocks, and a document only blocks', () => {
    expect(nodes.list_item.spec.content).toBe('paragraph block*');
    expect(() => articleSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'text', text: 'loose' }] }).check()).toThrow();
  });
});
