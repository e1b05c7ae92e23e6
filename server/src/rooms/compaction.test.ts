/**
 * Compaction folds the update log into a snapshot between messages. It must be quick enough
 * not to stall a busy room, and a compaction that fails must not take the room down with it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_RULES, createClaim, listClaims } from '@factdesk/shared';
import { loadConfig } from '../config.js';
import { createDocumentRepository } from '../documents/documents.js';
import { seedDocuments } from '../documents/seed.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { openTempDatabase } from '../testing/temp-dir.js';
import { Room, type Peer } from './room.js';

const DOC = 'us-russia-un-resolution';
const author = { id: 'u-anna', name: 'Anna' };
const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).reverse().forEach((f) => f()));

/** The seed article in a real SQLite file, opened as a room. */
function seededRoom() {
  const temp = openTempDatabase();
  closers.push(temp.close);
  const log = createSqliteUpdateLog(temp.db);
  seedDocuments({ db: temp.db, documents: createDocumentRepository(temp.db), log }, loadConfig({}).seedsDir);
  const room = new Room(DOC, log, () => DEFAULT_RULES, () => {});
  closers.push(() => room.destroy(1001, 'test over'));
  return { room, log, db: temp.db };
}

function addClaims(room: Room, n: number): void {
  for (let i = 0; i < n; i++) {
    room.change((doc) => createClaim(doc, author, { target, verdict: 'true', rationale: `claim ${i} `.repeat(20), sources: [] }));
  }
}

describe('compacting a room', () => {
  it('folds the seed and a thousand claims into one snapshot in a few tens of milliseconds', async () => {
    const { room, log } = seededRoom();
    addClaims(room, 1_000);
    let claims = 1_000;
    await room.settled(); // the busy room started a background compaction at 500 updates
    // That compaction folds what it finds; when it started early (on a loaded machine, more
    // than once), the next update starts another. Add one at a time until none would.
    while (log.pendingSinceSnapshot(DOC) >= 499 && claims < 1_010) {
      addClaims(room, 1);
      claims++;
      await room.settled();
    }
    addClaims(room, 1);
    claims++;
    expect(log.pendingSinceSnapshot(DOC)).toBeGreaterThan(0); // the compaction below has work to do
    const started = performance.now();
    room.compact();
    const ms = performance.now() - started;
    // Measured on the 2-core test machine: about 35 ms alone, 65 ms beside other test files, encoding and the SQLite write (one fsync) included.
    console.log(`compacting the seed and ${claims} claims took ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1_000);
    expect(log.pendingSinceSnapshot(DOC)).toBe(0);
    const reloaded = new Y.Doc();
    for (const update of log.load(DOC)) Y.applyUpdate(reloaded, update);
    expect(listClaims(reloaded)).toHaveLength(claims);
  });

  it('keeps the room working, and the log whole, when compaction fails', () => {
    const { room, log, db } = seededRoom();
    const received: Uint8Array[] = [];
    const peer: Peer = { actor: { id: 'u-otto', name: 'Otto', role: 'viewer' } as Peer['actor'], send: (m) => received.push(m), close: () => {} };
    room.join(peer);
    addClaims(room, 10);
    db.exec('DROP TABLE doc_snapshots'); // a real fault in the store, under the room's feet
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      room.compact();
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/could not compact/);
    const before = received.length;
    addClaims(room, 1);
    expect(received.length).toBe(before + 1);
    expect(log.pendingSinceSnapshot(DOC)).toBeGreaterThanOrEqual(11);
  });

  it('compacts a busy room in a worker thread while it keeps taking changes, losing none', async () => {
    const { room, log } = seededRoom();
    addClaims(room, 520); // passes the threshold of 500: the worker starts
    addClaims(room, 30); // the room keeps taking changes while the worker folds
    await room.settled();
    expect(log.pendingSinceSnapshot(DOC)).toBeLessThan(550);
    addClaims(room, 5);
    const reloaded = new Y.Doc();
    for (const update of log.load(DOC)) Y.applyUpdate(reloaded, update);
    expect(listClaims(reloaded)).toHaveLength(555);
  });

  it('compacts again and again from where the worker left off, also after the room compacted on its own', async () => {
    const { room, log } = seededRoom();
    const reload = () => {
      const doc = new Y.Doc();
      for (const update of log.load(DOC)) Y.applyUpdate(doc, update);
      return listClaims(doc).length;
    };
    addClaims(room, 510); // the worker folds (and keeps the doc)
    await room.settled();
    addClaims(room, 510); // folded again, incrementally
    await room.settled();
    expect(reload()).toBe(1020);
    addClaims(room, 20);
    room.compact(); // on the room's own thread: a snapshot the worker did not write, holding those 20
    addClaims(room, 520); // the worker must start from that snapshot, not from what it kept
    await room.settled();
    expect(log.pendingSinceSnapshot(DOC)).toBeLessThan(100);
    expect(reload()).toBe(1560);
  });
});
