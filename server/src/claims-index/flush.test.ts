/**
 * The index writes once a second on the event loop, without an fsync of its own; the
 * connection it shares with sessions and users stays as durable as it was.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createClaim } from '@factdesk/shared';
import { openDatabase, type Db } from '../db/database.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { createClaimsIndex } from './claims-index.js';

const target = { version: 1, quote: { exact: 'UNITED NATIONS', prefix: '', suffix: '' }, position: { start: 0, end: 14 } };
let cleanup: (() => void) | null = null;

afterEach(() => cleanup?.());

function openIndex(): { db: Db; index: ReturnType<typeof createClaimsIndex> } {
  const dir = makeTempDir('factdesk-index-flush-');
  const db = openDatabase(dir.path);
  const index = createClaimsIndex(db);
  cleanup = () => {
    index.close();
    db.close();
    dir.remove();
  };
  return { db, index };
}

describe('a flush of the claims index', () => {
  it('writes the changed claims and leaves the connection with synchronous = FULL', () => {
    const { db, index } = openIndex();
    const doc = new Y.Doc();
    const id = createClaim(doc, { id: 'u1', name: 'Ann' }, { target, verdict: 'mixed', rationale: 'First look.', sources: [] });
    index.onClaimsChanged({ docId: 'article', doc, claimIds: [id], fields: new Map([[id, new Set(['*'])]]), actor: null });
    index.flush();
    expect(db.prepare('SELECT claim_id, verdict FROM claims_index').all()).toEqual([{ claim_id: id, verdict: 'mixed' }]);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL, for every other write on this connection
  });
});
