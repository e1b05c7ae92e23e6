import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase } from '../testing/temp-dir.js';
import { createActivityRecorder } from './activity.js';
import { createDocumentFromText } from './create-from-text.js';
import { createDocumentRepository, type DocumentRepository } from './documents.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';

describe('recording activity on a document', () => {
  let temp: ReturnType<typeof openTempDatabase>;
  let documents: DocumentRepository;

  beforeEach(() => {
    temp = openTempDatabase();
    documents = createDocumentRepository(temp.db);
    const stores = { db: temp.db, documents, log: createSqliteUpdateLog(temp.db) };
    createDocumentFromText(stores, { id: 'old', title: 'Old', text: 'Old\nBody' }, new Date('2026-01-01T00:00:00Z'));
    createDocumentFromText(stores, { id: 'new', title: 'New', text: 'New\nBody' }, new Date('2026-02-01T00:00:00Z'));
  });
  afterEach(() => temp.close());

  it('moves a document with changed claims to the top of the list, writing at most once per interval', () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const record = createActivityRecorder(documents, { intervalMs: 10_000, now: () => clock });
    record({ docId: 'old' });
    expect(documents.list().map((d) => d.id)).toEqual(['old', 'new']);
    expect(documents.get('old')!.updatedAt).toBe('2026-03-01T10:00:00.000Z');

    clock += 5_000;
    record({ docId: 'old' });
    expect(documents.get('old')!.updatedAt).toBe('2026-03-01T10:00:00.000Z');
    clock += 5_000;
    record({ docId: 'old' });
    expect(documents.get('old')!.updatedAt).toBe('2026-03-01T10:00:10.000Z');
  });

  it('never moves the activity time backwards', () => {
    const record = createActivityRecorder(documents, { now: () => Date.parse('2025-01-01T00:00:00Z') });
    record({ docId: 'new' });
    expect(documents.get('new')!.updatedAt).toBe('2026-02-01T00:00:00.000Z');
  });
});
