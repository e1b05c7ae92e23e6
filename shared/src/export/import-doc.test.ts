import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importPlainText } from '../import/plain-text.js';
import { listClaims, writeArticleVersion, writeMeta } from '../ydoc.js';
import { seedInput } from './fixtures.js';
import { importAnnotationsIntoDoc } from './import-doc.js';
import { exportWebAnnotations } from './web-annotations.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const article = importPlainText(seed);
const input = seedInput(article);
input.claims[0] = { ...input.claims[0], thread: [{ id: 'c1', author: { id: 'u-rita', name: 'Rita' }, createdAt: '2026-11-19T11:00:00.000Z', updatedAt: '2026-11-19T11:00:00.000Z', text: 'Checked.' }] };
const exported = exportWebAnnotations(input);
const importer = { id: 'u-rex', name: 'Rex' };

function articleDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeMeta(doc, { title: 'UN vote' });
  writeArticleVersion(doc, { version: 1, doc: article, textHash: '', createdAt: '2026-11-19T08:00:00.000Z' });
  return doc;
}

describe('importing Web Annotations into an article', () => {
  it('restores each claim with its id, creator, dates, verdict, rationale, sources, target and thread', () => {
    const doc = articleDoc();
    const result = importAnnotationsIntoDoc(doc, exported, importer);
    expect(result).toMatchObject({ imported: input.claims.length, skipped: 0, unanchored: 1 });
    const byId = new Map(listClaims(doc).map((c) => [c.id, c]));
    for (const claim of input.claims) {
      const back = byId.get(claim.id)!;
      expect(back).toMatchObject({ author: claim.author, createdAt: claim.createdAt, verdict: claim.verdict, rationale: claim.rationale, sources: claim.sources, tags: claim.tags });
      expect(back.target.quote).toEqual(claim.target.quote);
      if (claim.id !== 'lost') expect(back.target.position).toEqual(claim.target.position);
      expect(back.thread).toEqual(claim.thread);
      expect(back.review).toBeNull();
      expect(back.status).toBe(claim.status === 'approved' || claim.status === 'in-review' ? 'in-review' : 'draft');
    }
  });

  it('adds nothing when the same file is imported again', () => {
    const doc = articleDoc();
    importAnnotationsIntoDoc(doc, exported, importer);
    expect(importAnnotationsIntoDoc(doc, exported, importer)).toEqual({ imported: 0, skipped: input.claims.length, unanchored: 0, warnings: [] });
    expect(listClaims(doc)).toHaveLength(input.claims.length);
  });

  it('writes nothing when one annotation of the file is broken', () => {
    const doc = articleDoc();
    const broken = JSON.parse(exported);
    broken.first.items.at(-1).body[0].value = 'Pants on fire';
    expect(() => importAnnotationsIntoDoc(doc, JSON.stringify(broken), importer)).toThrow(/not a verdict/);
    expect(listClaims(doc)).toEqual([]);
  });

  it('refuses a document without an article', () => {
    expect(() => importAnnotationsIntoDoc(new Y.Doc(), exported, importer)).toThrow('This document has no article to import the claims onto yet.');
  });
});
