import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { LogWriter } from './log-writer.js';
import type { UpdateLog } from './types.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the group-commit log writer', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let log: UpdateLog;
  let commits: number;

  beforeEach(() => {
    dir = makeTempDir('factdesk-writer-');
    db = openDatabase(dir.path);
    const sqlite = createSqliteUpdateLog(db);
    commits = 0;
    log = { ...sqlite, appendMany: (entries) => (commits++, sqlite.appendMany(entries)) };
  });
  afterEach(() => {
    if (db.open) db.close();
    dir.remove();
  });

  it('writes the updates of one turn of the event loop in one transaction, in order', async () => {
    const writer = new LogWriter(log);
    const stored: string[] = [];
    for (let i = 0; i < 50; i++) writer.write(i % 2 ? 'a' : 'b', Uint8Array.of(i), () => stored.push(`u${i}`), () => {});
    expect(stored).toEqual([]); // nothing is reported stored before it is on disk
    await nextTurn();
    expect(commits).toBe(1);
    expect(stored).toEqual(Array.from({ length: 50 }, (_, i) => `u${i}`));
    expect(log.load('a').map((u) => u[0])).toEqual(Array.from({ length: 25 }, (_, i) => 2 * i + 1));
  });

  it('runs a waiter only once what was queued before it is stored', async () => {
    const writer = new LogWriter(log);
    const events: string[] = [];
    writer.whenFlushed(() => events.push('idle waiter'));
    writer.write('a', Uint8Array.of(1), () => events.push('stored'), () => {});
    writer.whenFlushed(() => events.push('waiter'));
    expect(events).toEqual(['idle waiter']);
    await nextTurn();
    expect(events).toEqual(['idle waiter', 'stored', 'waiter']);
  });

  it('stores on demand with flush, before the turn ends', () => {
    const writer = new LogWriter(log);
    let stored = false;
    writer.write('a', Uint8Array.of(7), () => (stored = true), () => {});
    writer.flush();
    expect(stored).toBe(true);
    expect(log.pendingSinceSnapshot('a')).toBe(1);
  });

  it('reports every update of a failed commit as failed and never as stored', async () => {
    const writer = new LogWriter(log);
    db.close();
    const outcome: string[] = [];
    writer.write('a', Uint8Array.of(1), () => outcome.push('stored'), (e) => outcome.push(`failed: ${e.message}`));
    writer.write('b', Uint8Array.of(2), () => outcome.push('stored'), (e) => outcome.push(`failed: ${e.message}`));
    await nextTurn();
    expect(outcome).toHaveLength(2);
    expect(outcome.every((o) => o.startsWith('failed: '))).toBe(true);
  });
});
