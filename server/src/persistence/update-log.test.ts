import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, openDatabase, type Db } from '../db/database.js';
import type { UpdateLog } from '../rooms/types.js';
import { createSqliteUpdateLog } from './update-log.js';

/** Rebuilds a doc from what the log returns, as a room does on load. */
function replay(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('the SQLite update log', () => {
  let dir: string;
  let db: Db;
  let log: UpdateLog;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-log-'));
    db = openDatabase(dir);
    log = createSqliteUpdateLog(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Makes `count` edits on `doc`, appending each one's update to the log. */
  function edit(doc: Y.Doc, docId: string, count: number, from = 0) {
    const onUpdate = (update: Uint8Array) => log.append(docId, update);
    doc.on('update', onUpdate);
    for (let i = from; i < from + count; i++) doc.getMap('m').set(`k${i}`, i);
    doc.off('update', onUpdate);
  }

  it('loads nothing for a document it has never seen', () => {
    expect(log.load('unknown')).toEqual([]);
    expect(log.pendingSinceSnapshot('unknown')).toBe(0);
  });

  it('returns appended updates oldest first, byte for byte, as plain Uint8Arrays', () => {
    log.append('a', new Uint8Array([1, 2, 3]));
    log.append('a', new Uint8Array([4]));
    log.append('b', new Uint8Array([9]));
    const loaded = log.load('a');
    expect(loaded.map((u) => Array.from(u))).toEqual([[1, 2, 3], [4]]);
    expect(loaded.every((u) => Object.getPrototypeOf(u) === Uint8Array.prototype)).toBe(true);
    expect(log.pendingSinceSnapshot('a')).toBe(2);
    expect(log.pendingSinceSnapshot('b')).toBe(1);
  });

  it('keeps updates across a reopen of the database file', () => {
    const doc = new Y.Doc();
    edit(doc, 'a', 3);
    db.close();
    db = openDatabase(dir);
    log = createSqliteUpdateLog(db);
    expect(replay(log.load('a')).getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2 });
  });

  it('compacts into a snapshot followed by only the updates appended after it', () => {
    const doc = new Y.Doc();
    edit(doc, 'a', 3);
    const state = Y.encodeStateAsUpdate(doc);
    edit(doc, 'a', 2, 3); // arrive while the snapshot was being made
    log.compact('a', state, 3);

    expect(log.pendingSinceSnapshot('a')).toBe(2);
    const loaded = log.load('a');
    expect(loaded).toHaveLength(3);
    expect(Array.from(loaded[0])).toEqual(Array.from(state));
    expect(replay(loaded).getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
  });

  it('replaces the previous snapshot on the next compaction and leaves other documents alone', () => {
    const doc = new Y.Doc();
    edit(doc, 'a', 2);
    log.append('b', new Uint8Array([7]));
    log.compact('a', Y.encodeStateAsUpdate(doc), 2);
    edit(doc, 'a', 2, 2);
    log.compact('a', Y.encodeStateAsUpdate(doc), 2);

    expect(log.load('a')).toHaveLength(1);
    expect(replay(log.load('a')).getMap('m').size).toBe(4);
    expect(log.load('b').map((u) => Array.from(u))).toEqual([[7]]);
    expect(db.prepare('SELECT count(*) FROM doc_snapshots').pluck().get()).toBe(1);
  });

  it('checkpoints the WAL in the compaction worker, so that it stays small though no commit checkpoints', async () => {
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const update = new Uint8Array(200).fill(7);
    for (let i = 0; i < 3_000; i++) {
      log.appendMany([{ docId: `doc-${i % 50}`, update }]);
      if (i % 10 === 0) await new Promise((r) => setImmediate(r)); // the worker's answers arrive
    }
    // Uncheckpointed, 3,000 commits of ≈ 3 pages each make a 36 MB WAL; checkpoints every few hundred restart it.
    expect(statSync(join(dir, `${DATABASE_FILE}-wal`)).size).toBeLessThan(12 * 1024 * 1024);
    expect(log.load('doc-7')).toHaveLength(60);
    await log.close?.();
  });

  it('says nothing of a checkpoint that closing the log cut short', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const update = new Uint8Array(200).fill(7);
      for (let i = 0; i < 300; i++) log.appendMany([{ docId: 'doc', update }]); // the 300th asks the worker for a checkpoint
      await log.close?.(); // before the worker, just started, has answered
      await new Promise((r) => setImmediate(r));
      expect(errors).not.toHaveBeenCalled();
      expect(log.load('doc')).toHaveLength(300);
    } finally {
      errors.mockRestore();
    }
  });
});
