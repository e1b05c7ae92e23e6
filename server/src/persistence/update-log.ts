/**
 * The rooms' durable log in SQLite: per document, an optional snapshot plus the updates
 * appended since it. Synchronous on purpose — the room appends an update and only then
 * broadcasts it, so a crash never loses a change another client has already seen.
 */
import type { Db } from '../db/database.js';
import type { UpdateLog } from '../rooms/types.js';
import { AppendWorker } from './append-worker.js';
import { WorkerRequests, type WorkerCheck } from './worker-requests.js';

/** Commits of the log between two checkpoints: ≈ 1,000 WAL pages (SQLite's default) at ≈ 3 pages a commit. */
const CHECKPOINT_EVERY = 300;

export type { WorkerCheck } from './worker-requests.js';

/** The log of an SQLite database, which can also say whether its worker threads run (for /readyz). */
export interface SqliteUpdateLog extends UpdateLog {
  /** Each worker thread's state, read without asking the worker anything (none for an in-memory database). */
  workers(): WorkerCheck[];
}

/** The UpdateLog of rooms/types.ts over the doc_updates and doc_snapshots tables. */
export function createSqliteUpdateLog(db: Db): SqliteUpdateLog {
  const selectSnapshot = db.prepare('SELECT data FROM doc_snapshots WHERE doc_id = ?').pluck();
  const selectUpdates = db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').pluck();
  const insertUpdate = db.prepare('INSERT INTO doc_updates (doc_id, data, created_at) VALUES (?, ?, ?)');
  const countUpdates = db.prepare('SELECT count(*) FROM doc_updates WHERE doc_id = ?').pluck();
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (doc_id, data, created_at) VALUES (?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, created_at = excluded.created_at`,
  );
  const deleteOldest = db.prepare(
    `DELETE FROM doc_updates WHERE seq IN
       (SELECT seq FROM doc_updates WHERE doc_id = ? ORDER BY seq LIMIT ?)`,
  );

  const compact = db.transaction((docId: string, state: Uint8Array, upToUpdateCount: number) => {
    upsertSnapshot.run(docId, toBuffer(state), new Date().toISOString());
    deleteOldest.run(docId, Math.max(0, Math.floor(upToUpdateCount)));
  });

  const appendMany = db.transaction((entries: readonly { docId: string; update: Uint8Array }[]) => {
    const at = new Date().toISOString();
    for (const { docId, update } of entries) insertUpdate.run(docId, toBuffer(update), at);
  });

  const worker = db.memory ? null : new CompactionWorker(db.name);
  const appender = db.memory ? null : new AppendWorker(db.name);

  // Checkpoints (copying the WAL back into the database file, with two fsyncs) run in the
  // compaction worker, every CHECKPOINT_EVERY commits of the log: left to SQLite, the commit
  // that crosses 1,000 WAL pages runs one on the event loop (≈ 10–15 ms here, more on a busy disk).
  // The WAL only starts again from its beginning once a checkpoint has copied every frame; when
  // commits kept coming while the worker copied, the few frames left are copied here.
  let commits = 0;
  let checkpointing = false;
  /** Closing stops the workers: a checkpoint cut short then is no failure (the next start finds the WAL as it was). */
  let closing = false;
  if (worker) db.pragma('wal_autocheckpoint = 0');
  function committed(): void {
    if (!worker || ++commits < CHECKPOINT_EVERY || checkpointing) return;
    commits = 0;
    checkpointing = true;
    worker
      .checkpoint()
      .then((caughtUp) => {
        if (!caughtUp && db.open) db.pragma('wal_checkpoint(PASSIVE)');
      })
      .catch((error: Error) => closing || console.error(`update log: a checkpoint failed: ${error.message}`))
      .finally(() => (checkpointing = false));
  }

  return {
    load(docId) {
      const snapshot = selectSnapshot.get(docId) as Buffer | undefined;
      const updates = selectUpdates.all(docId) as Buffer[];
      return (snapshot ? [snapshot, ...updates] : updates).map(toUint8Array);
    },
    append(docId, update) {
      insertUpdate.run(docId, toBuffer(update), new Date().toISOString());
      committed();
    },
    appendMany(entries) {
      appendMany(entries);
      committed();
    },
    pendingSinceSnapshot(docId) {
      return countUpdates.get(docId) as number;
    },
    compact(docId, state, upToUpdateCount) {
      compact(docId, state, upToUpdateCount);
    },
    ...(worker ? { compactInBackground: (docId: string) => worker.compact(docId) } : {}),
    ...(appender
      ? {
          appendManyInBackground(entries: readonly { docId: string; update: Uint8Array }[]) {
            const append = appender.append(entries);
            committed();
            return append;
          },
        }
      : {}),
    workers() {
      return [worker, appender].flatMap((w) => (w ? [w.check()] : []));
    },
    async close() {
      closing = true;
      await Promise.all([worker?.close(), appender?.close()]);
    },
  };
}

/** The compaction worker (compaction-worker.mjs): folds a document's log into its snapshot, off the event loop. */
class CompactionWorker {
  private readonly requests: WorkerRequests;

  constructor(dbFile: string) {
    this.requests = new WorkerRequests(new URL('./compaction-worker.mjs', import.meta.url), { dbFile }, 'compaction worker');
  }

  /** Copies the WAL back into the database file, without waiting for readers or writers; resolves with whether it caught up. */
  async checkpoint(): Promise<boolean> {
    const answer = await this.requests.send({ checkpoint: true }).answer;
    return answer.caughtUp === true;
  }

  /** Resolves with how many updates were folded. */
  async compact(docId: string): Promise<number> {
    const answer = await this.requests.send({ docId }).answer;
    return typeof answer.folded === 'number' ? answer.folded : 0;
  }

  check(): WorkerCheck {
    return this.requests.check();
  }

  close(): Promise<void> {
    return this.requests.close();
  }
}

/** A Buffer view of the same bytes (better-sqlite3 binds Buffers as BLOBs). */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A plain Uint8Array view, so callers never depend on Buffer's extra behaviour. */
function toUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
