/**
 * Back-filling the claims index from the update log at start, on a real SQLite file: a
 * document never indexed is read in full, one indexed before is skipped, and one whose log
 * moved on after its last index write (a crash between the two) is read again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaim, type ClaimInput } from '@factdesk/shared';
import { createDocumentRepository } from '../documents/documents.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { openTempDatabase } from '../testing/temp-dir.js';
import { createClaimsIndex } from './claims-index.js';

const rita = { id: 'u-rita', name: 'Rita' };
const input = (verdict: ClaimInput['verdict']): ClaimInput => ({
  target: { version: 1, quote: { exact: 'The bridge', prefix: '', suffix: '' }, position: { start: 0, end: 10 } },
  verdict,
  rationale: '',
  sources: [],
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('back-filling the claims index', () => {
  const temps: { close(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.close()));

  function setUp() {
    const temp = openTempDatabase();
    temps.push(temp);
    const log = createSqliteUpdateLog(temp.db);
    const at = new Date().toISOString();
    createDocumentRepository(temp.db).insert({ id: 'bridge', title: 'The bridge', sourceUrl: '', publisher: '', publishedAt: '', createdAt: at, updatedAt: at, archived: false });
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => log.append('bridge', update));
    return { db: temp.db, log, doc };
  }

  it('reads a document never indexed from its log, and skips it next time', async () => {
    const { db, log, doc } = setUp();
    createClaim(doc, rita, input('false'));
    createClaim(doc, rita, input('true'));
    await tick();

    const first = createClaimsIndex(db);
    expect(first.backfill(['bridge'], log)).toBe(1);
    expect(first.counts().get('bridge')?.byVerdict).toMatchObject({ false: 1, true: 1 });
    await tick();
    expect(createClaimsIndex(db).backfill(['bridge'], log)).toBe(0);
  });

  it('reads a document again when its log moved on after the last index write', async () => {
    const { db, log, doc } = setUp();
    createClaim(doc, rita, input('false'));
    expect(createClaimsIndex(db).backfill(['bridge'], log)).toBe(1);
    await tick();
    // Logged, but the server stopped before the index heard of it.
    createClaim(doc, rita, input('mixed'));

    const index = createClaimsIndex(db);
    expect(index.backfill(['bridge'], log)).toBe(1);
    expect(index.counts().get('bridge')).toMatchObject({ total: 2, byVerdict: { false: 1, mixed: 1 } });
  });
});
