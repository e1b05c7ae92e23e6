import { describe, expect, it } from 'vitest';
import { articleSchema, type ArticleNode } from '../schema.js';
import { canonicalText } from '../text.js';
import { importMarkdown } from './markdown.js';

function read(source: string): { doc: ArticleNode; title: string } {
  const result = importMarkdown(source);
  const doc = articleSchema.nodeFromJSON(result.doc);
  doc.check();
  return { doc, title: result.title };
}

function outline(node: ArticleNode): string[] {
  const out: string[] = [];
  node.forEach((child) => {
    const name = child.type.name === 'heading' ? `h${child.attrs.level}` : child.type.name;
    out.push(child.isTextblock ? `${name}: ${child.textContent}` : `${name}(${outline(child).join(' | ')})`);
  });
  return out;
}

const ARTICLE = `# Mayor promises *new* bridge

The mayor said the bridge will open in **2027**, according to [the council](https://council.example/minutes).

## What critics say

> "It will never open on time," said one engineer.

- Steel prices rose
- The budget is
  1. not approved
  2. not published

### Costs
Setext heading
--------------
Line one
line two

\`\`\`
code block
second line
\`\`\`
`;

describe('importing Markdown', () => {
  const { doc, title } = read(ARTICLE);

  it('maps headings, paragraphs, quotes and (nested) lists onto the schema', () => {
    expect(outline(doc)).toEqual([
      'h1: Mayor promises new bridge',
      'paragraph: The mayor said the bridge will open in 2027, according to the council.',
      'h2: What critics say',
      'blockquote(paragraph: "It will never open on time," said one engineer.)',
      'bullet_list(list_item(paragraph: Steel prices rose) | list_item(paragraph: The budget is | bullet_list(list_item(paragraph: not approved) | list_item(paragraph: not published))))',
      'h3: Costs',
      'h2: Setext heading',
      'paragraph: Line one line two',
      'paragraph: code block',
      'paragraph: second line',
    ]);
  });

  it('takes the first heading as the title', () => {
    expect(title).toBe('Mayor promises new bridge');
    expect(read('Just a line\n\nand more').title).toBe('Just a line');
  });

  it('keeps emphasis, strong emphasis and links', () => {
    const marks: string[] = [];
    doc.descendants((node) => {
      if (node.isText && node.marks.length > 0) marks.push(`${node.text}: ${node.marks.map((m) => m.attrs.href ?? m.type.name).join(', ')}`);
    });
    expect(marks).toEqual(['new: em', '2027: strong', 'the council: https://council.example/minutes']);
  });

  it('drops raw HTML that could run and never links to javascript: or data:', () => {
    const hostile = read(`# Title

<script>alert(1)</script>

<iframe src="https://evil.example"></iframe>

Text with <img src=x onerror=alert(1)> inline <b onclick="x()">bold</b>.

[click](javascript:alert(1)) [data](data:text/html,<script>x</script>) ![img](https://x.example/a.png)

<a href="javascript:alert(1)">raw link</a>
`);
    const hrefs: unknown[] = [];
    hostile.doc.descendants((node) => void node.marks.forEach((mark) => hrefs.push(mark.attrs.href)));
    expect(hrefs.filter(Boolean)).toEqual([]);
    // A refused Markdown link stays what the author typed: text, never a link.
    expect(canonicalText(hostile.doc)).toContain('[click](javascript:alert(1))');
    expect(JSON.stringify(hostile.doc.toJSON())).not.toMatch(/<script|iframe|onerror|onclick|img/);
    expect(canonicalText(hostile.doc)).toContain('Text with inline bold.');
    expect(canonicalText(hostile.doc)).toContain('raw link');
  });

  it('refuses empty Markdown and Markdown without text', () => {
    expect(() => importMarkdown('  \n\n')).toThrow(/empty/);
    expect(() => importMarkdown('<script>x</script>\n\n---\n')).toThrow(/no readable text/);
  });
});
