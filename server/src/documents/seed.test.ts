import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { makeTempDir, openTempDatabase } from '../testing/temp-dir.js';
import type { DocumentStores } from './create-from-text.js';
import { createDocumentRepository } from './documents.js';
import { seedDocuments } from './seed.js';

describe('seeding', () => {
  let temp: ReturnType<typeof openTempDatabase>;
  let seeds: ReturnType<typeof makeTempDir>;
  let stores: DocumentStores;

  beforeEach(() => {
    temp = openTempDatabase();
    seeds = makeTempDir('factdesk-seeds-');
    stores = { db: temp.db, documents: createDocumentRepository(temp.db), log: createSqliteUpdateLog(temp.db) };
  });
  afterEach(() => {
    temp.close();
    seeds.remove();
  });

  it('turns every .txt file into a document named after the file, titled by its first line', () => {
    writeFileSync(join(seeds.path, 'bridge.txt'), 'Mayor promises bridge\nIt opens in 2027.');
    writeFileSync(join(seeds.path, 'notes.md'), '# not a seed');
    expect(seedDocuments(stores, seeds.path)).toEqual(['bridge']);
    expect(stores.documents.list()).toMatchObject([{ id: 'bridge', title: 'Mayor promises bridge', publisher: '', sourceUrl: '' }]);
  });

  it('never imports a seed twice', () => {
    writeFileSync(join(seeds.path, 'bridge.txt'), 'Mayor promises bridge\nIt opens in 2027.');
    seedDocuments(stores, seeds.path);
    expect(seedDocuments(stores, seeds.path)).toEqual([]);
    expect(stores.documents.list()).toHaveLength(1);
    expect(stores.log.pendingSinceSnapshot('bridge')).toBe(1);
  });

  it('skips, and reports, a seed it cannot import, and carries on', () => {
    writeFileSync(join(seeds.path, 'empty.txt'), '\n');
    writeFileSync(join(seeds.path, 'bad name.txt'), 'Title\nBody');
    writeFileSync(join(seeds.path, 'good.txt'), 'Title\nBody');
    const messages: string[] = [];
    expect(seedDocuments(stores, seeds.path, (m) => messages.push(m))).toEqual(['good']);
    expect(messages).toEqual([expect.stringMatching(/bad name\.txt/), expect.stringMatching(/empty\.txt: .*empty/)]);
  });

  it('does nothing when there is no seeds folder', () => {
    expect(seedDocuments(stores, join(seeds.path, 'missing'))).toEqual([]);
  });
});
