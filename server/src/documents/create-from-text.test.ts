import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleSchema, canonicalText, readArticleVersion, readMeta, textHash } from '@factdesk/shared';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { openTempDatabase } from '../testing/temp-dir.js';
import { createDocumentFromText, firstLine, type DocumentStores } from './create-from-text.js';
import { createDocumentRepository } from './documents.js';

const ARTICLE = 'Mayor promises new bridge\n\nThe mayor said the bridge will open in 2027.\nCritics doubt it.\n';

describe('creating a document from text', () => {
  let temp: ReturnType<typeof openTempDatabase>;
  let stores: DocumentStores;

  beforeEach(() => {
    temp = openTempDatabase();
    stores = { db: temp.db, documents: createDocumentRepository(temp.db), log: createSqliteUpdateLog(temp.db) };
  });
  afterEach(() => temp.close());

  const replay = (id: string) => {
    const doc = new Y.Doc();
    for (const update of stores.log.load(id)) Y.applyUpdate(doc, update);
    return doc;
  };

  it('lists the document and writes its metadata and version 1 as the first update of its log', () => {
    const record = createDocumentFromText(
      stores,
      { id: 'bridge', title: 'Mayor promises new bridge', text: ARTICLE, publisher: 'The Gazette', sourceUrl: 'https://gazette.example/bridge' },
      new Date('2026-03-01T12:00:00Z'),
    );
    expect(record).toEqual({
      id: 'bridge',
      title: 'Mayor promises new bridge',
      sourceUrl: 'https://gazette.example/bridge',
      publisher: 'The Gazette',
      publishedAt: '',
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
      archived: false,
    });
    expect(stores.documents.get('bridge')).toEqual(record);
    expect(stores.log.pendingSinceSnapshot('bridge')).toBe(1);

    const doc = replay('bridge');
    expect(readMeta(doc)).toMatchObject({ title: 'Mayor promises new bridge', publisher: 'The Gazette', currentVersion: 1 });
    const version = readArticleVersion(doc)!;
    const text = canonicalText(articleSchema.nodeFromJSON(version.doc));
    expect(text).toContain('The mayor said the bridge will open in 2027.');
    expect(version.textHash).toBe(textHash(text));
  });

  it('gives a document without an id a random one', () => {
    const record = createDocumentFromText(stores, { title: 'T', text: 'T\nBody.' });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an empty article, a bad id, an empty title and a taken id', () => {
    expect(() => createDocumentFromText(stores, { title: 'T', text: '  \n ' })).toThrow(/empty/);
    expect(() => createDocumentFromText(stores, { id: '../x', title: 'T', text: 'x' })).toThrow(/document id/);
    expect(() => createDocumentFromText(stores, { title: ' ', text: 'x' })).toThrow(/title cannot be empty/);
    createDocumentFromText(stores, { id: 'once', title: 'T', text: 'x' });
    expect(() => createDocumentFromText(stores, { id: 'once', title: 'T', text: 'y' })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(stores.log.pendingSinceSnapshot('once')).toBe(1);
  });

  it('takes the first line with text as the headline', () => {
    expect(firstLine('\n\n  Headline here \nBody')).toBe('Headline here');
    expect(firstLine('')).toBe('');
  });
});
