/**
 * The group-commit log writer on a real SQLite file, both ways it writes: on the event loop,
 * and through the worker thread that keeps the fsync off it. Nothing is reported stored before
 * it is on disk, a batch keeps the order of its updates, and a failed commit fails every update
 * in it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { LogWriter } from './log-writer.js';
import type { UpdateLog } from './types.js';

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe.each([
  ['on the event loop', false],
  ['in a worker thread', true],
])('the group-commit log writer, %s', (_, inBackground) => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let log: UpdateLog;
  let commits: number;
  let inWorker: number;
  // Every batch through the worker when there is one (the default writes small batches inline: tested below).
  const newWriter = () => new LogWriter(log, { inlineUpTo: inBackground ? 0 : undefined });

  beforeEach(() => {
    dir = makeTempDir('factdesk-writer-');
    db = openDatabase(dir.path);
    const sqlite = createSqliteUpdateLog(db);
    commits = 0;
    inWorker = 0;
    const { appendManyInBackground, ...onLoop } = sqlite;
    log = { ...onLoop, appendMany: (entries) => (commits++, sqlite.appendMany(entries)) };
    if (inBackground) log.appendManyInBackground = (entries) => (commits++, inWorker++, appendManyInBackground!(entries));
  });
  afterEach(async () => {
    await log.close?.();
    if (db.open) db.close();
    dir.remove();
  });

  it('writes the updates that arrive together in one transaction, in order', async () => {
    const writer = newWriter();
    const stored: string[] = [];
    for (let i = 0; i < 50; i++) writer.write(i % 2 ? 'a' : 'b', Uint8Array.of(i), () => stored.push(`u${i}`), () => {});
    expect(stored).toEqual([]); // nothing is reported stored before it is on disk
    await until(() => stored.length === 50);
    expect(commits).toBe(1);
    expect(stored).toEqual(Array.from({ length: 50 }, (_, i) => `u${i}`));
    expect(log.load('a').map((u) => u[0])).toEqual(Array.from({ length: 25 }, (_, i) => 2 * i + 1));
  });

  it('runs a waiter only once what was queued before it is stored', async () => {
    const writer = newWriter();
    const events: string[] = [];
    writer.whenFlushed(() => events.push('idle waiter'));
    writer.write('a', Uint8Array.of(1), () => events.push('stored'), () => {});
    writer.whenFlushed(() => events.push('waiter'));
    expect(events).toEqual(['idle waiter']);
    await until(() => events.length === 3);
    expect(events).toEqual(['idle waiter', 'stored', 'waiter']);
  });

  it('stores on demand with flush, also what is being written meanwhile, before it returns', async () => {
    const writer = newWriter();
    const stored: number[] = [];
    writer.write('a', Uint8Array.of(7), () => stored.push(7), () => {});
    await new Promise((r) => setImmediate(r)); // handed to the worker, when there is one
    writer.write('a', Uint8Array.of(8), () => stored.push(8), () => {});
    writer.flush();
    expect(stored).toEqual([7, 8]);
    expect(log.load('a').map((u) => u[0])).toEqual([7, 8]);
  });

  it('reports every update of a failed commit as failed and never as stored', async () => {
    const writer = newWriter();
    db.exec('DROP TABLE doc_updates'); // a real fault in the store
    const outcome: string[] = [];
    writer.write('a', Uint8Array.of(1), () => outcome.push('stored'), (e) => outcome.push(`failed: ${e.message}`));
    writer.write('b', Uint8Array.of(2), () => outcome.push('stored'), (e) => outcome.push(`failed: ${e.message}`));
    await until(() => outcome.length === 2);
    expect(outcome.every((o) => o.startsWith('failed: '))).toBe(true);
  });

  it('writes a small batch on the event loop and a large one in the worker, when there is one', async () => {
    const writer = new LogWriter(log); // the default: batches of up to 8 inline
    const stored: number[] = [];
    for (let i = 0; i < 2; i++) writer.write('a', Uint8Array.of(i), () => stored.push(i), () => {});
    await until(() => stored.length === 2);
    expect(inWorker).toBe(0);
    for (let i = 2; i < 40; i++) writer.write('a', Uint8Array.of(i), () => stored.push(i), () => {});
    await until(() => stored.length === 40);
    expect(inWorker).toBe(inBackground ? 1 : 0);
    expect(commits).toBe(2);
    expect(log.load('a').map((u) => u[0])).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});
