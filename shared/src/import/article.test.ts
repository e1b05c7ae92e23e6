/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../schema.js';
import { canonicalText } from '../text.js';
import { canImportArticles, importArticle, ImportTooLargeError, IMPORT_LIMITS, utf8Length } from './article.js';
import { importPlainText } from './plain-text.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');

describe('importing an article in any format', () => {
  it('reads plain text exactly as the seed import does, titled by its first line', () => {
    const { doc, title } = importArticle({ format: 'text', content: seed });
    expect(doc).toEqual(importPlainText(seed));
    expect(title).toBe(seed.split('\n')[0].trim());
  });

  it('reads Markdown and HTML into documents the schema accepts', () => {
    for (const [format, content] of [
      ['markdown', '# Title\n\nBody *text*.'],
      ['html', '<h1>Title</h1><p>Body <em>text</em>.</p>'],
    ] as const) {
      const { doc, title } = importArticle({ format, content });
      const node = articleSchema.nodeFromJSON(doc);
      node.check();
      expect(canonicalText(node)).toBe('Title\nBody text.');
      expect(title).toBe('Title');
    }
  });

  it('refuses empty content, an unknown format and binary content with a readable message', () => {
    expect(() => importArticle({ format: 'text', content: ' \n ' })).toThrow(/empty/);
    expect(() => importArticle({ format: 'markdown', content: '' })).toThrow(/empty/);
    expect(() => importArticle({ format: 'html', content: '<p> </p>' })).toThrow(/no readable text/);
    expect(() => importArticle({ format: 'pdf' as 'text', content: 'x' })).toThrow(/format must be/);
    expect(() => importArticle({ format: 'text', content: 'PK\u0003\u0004\u0000\u0000' })).toThrow(/binary/);
  });

  it('refuses content past the size limit, counted in UTF-8 bytes', () => {
    const big = 'é'.repeat(IMPORT_LIMITS.maxContentBytes / 2 + 1);
    expect(big.length).toBeLessThan(IMPORT_LIMITS.maxContentBytes);
    expect(() => importArticle({ format: 'text', content: big })).toThrow(ImportTooLargeError);
    expect(() => importArticle({ format: 'text', content: big })).toThrow(/at most 5\.0 MB/);
  });

  it('cuts an overlong suggested title at a word', () => {
    const { title } = importArticle({ format: 'text', content: `${'word '.repeat(200)}\nBody` });
    expect(title.length).toBeLessThanOrEqual(IMPORT_LIMITS.maxTitleLength);
    expect(title).toMatch(/word…$/);
  });

  it('counts UTF-8 bytes like an encoder does', () => {
    for (const text of ['', 'abc', 'Café', '€', '😀 emoji', '\ud800 lone']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('lets reviewers and admins import, not annotators or viewers', () => {
    expect(['viewer', 'annotator', 'reviewer', 'admin'].map((role) => canImportArticles({ role: role as 'admin' }))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
