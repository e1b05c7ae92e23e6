// Runs in a worker thread, for the life of the server: folds one document's stored updates
// into its snapshot per request, so that a busy room's event loop never stops for it. It keeps
// the last few documents it folded, so a busy room's next compaction is incremental. Plain
// JavaScript on purpose: a worker does not inherit tsx's loader, and compiling TypeScript on
// every start cost more CPU than the compaction itself. It keeps its own SQLite connection,
// replays the snapshot and the updates it finds into a Y.Doc, and — in one transaction —
// writes the new snapshot and deletes exactly the updates it folded. Updates appended
// meanwhile stay.
//
// It also runs the log's checkpoints (see update-log.ts), so that none stops the event loop.
//
// Messages in: { id, docId } or { id, checkpoint: true }. Out: { id, ok: true, folded },
// { id, ok: true, caughtUp } or { id, ok: false, error }.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

const db = new Database(workerData.dbFile);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const selectSnapshot = db.prepare('SELECT data, created_at FROM doc_snapshots WHERE doc_id = ?');
const selectStamp = db.prepare('SELECT created_at, length(data) AS bytes FROM doc_snapshots WHERE doc_id = ?');
const selectUpdates = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq');
const upsertSnapshot = db.prepare(
  `INSERT INTO doc_snapshots (doc_id, data, created_at) VALUES (?, ?, ?)
   ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, created_at = excluded.created_at`,
);
const deleteFolded = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
const replace = db.transaction((docId, state, at, upTo) => {
  upsertSnapshot.run(docId, state, at);
  deleteFolded.run(docId, upTo);
});

/**
 * The docs of the last few compactions, with the last update folded in and the snapshot
 * written: the next compaction of a busy room then applies only the updates since, instead
 * of decoding the whole article again. Valid while the snapshot is still the one written
 * here (a room compacting on its own thread replaces it); small articles only.
 */
const cache = new Map();
const CACHED_DOCS = 4;
const CACHED_BYTES = 4 * 1024 * 1024;

const stampOf = (row) => (row ? `${row.created_at}|${row.bytes ?? row.data.length}` : '');

/** Folds the document's log; returns how many updates it folded. */
function compact(docId) {
  let entry = cache.get(docId);
  cache.delete(docId);
  if (entry && entry.stamp !== stampOf(selectStamp.get(docId))) {
    entry.doc.destroy();
    entry = undefined;
  }
  if (!entry) {
    const snapshot = selectSnapshot.get(docId);
    const doc = new Y.Doc();
    if (snapshot) Y.applyUpdate(doc, snapshot.data);
    entry = { doc, upTo: 0, stamp: stampOf(snapshot) };
  }
  const rows = selectUpdates.all(docId, entry.upTo);
  if (rows.length > 0) {
    entry.doc.transact(() => {
      for (const row of rows) Y.applyUpdate(entry.doc, row.data);
    });
    const state = Buffer.from(Y.encodeStateAsUpdate(entry.doc));
    const at = new Date().toISOString();
    entry.upTo = rows[rows.length - 1].seq;
    replace(docId, state, at, entry.upTo);
    entry.stamp = `${at}|${state.length}`;
    if (state.length > CACHED_BYTES) {
      entry.doc.destroy();
      return rows.length;
    }
  }
  cache.set(docId, entry);
  while (cache.size > CACHED_DOCS) {
    const [oldest, old] = cache.entries().next().value;
    old.doc.destroy();
    cache.delete(oldest);
  }
  return rows.length;
}

/**
 * Copies the WAL back into the database file without stopping the server's writers (PASSIVE).
 * The WAL starts again from its beginning (instead of growing) only when a writer finds every
 * frame copied; commits made while a checkpoint ran are copied by another, quick one, repeated
 * a few times at most. Returns whether the last one found nothing new (caught up).
 */
function checkpointAll() {
  let [last] = db.pragma('wal_checkpoint(PASSIVE)');
  for (let again = 0; again < 8; again++) {
    const [next] = db.pragma('wal_checkpoint(PASSIVE)');
    if (next.log <= last.log) return true; // nothing new, or a writer has restarted the WAL
    last = next;
  }
  return false;
}

parentPort.on('message', ({ id, docId, checkpoint }) => {
  if (checkpoint) {
    try {
      parentPort.postMessage({ id, ok: true, caughtUp: checkpointAll() });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  try {
    parentPort.postMessage({ id, ok: true, folded: compact(docId) });
  } catch (error) {
    cache.get(docId)?.doc.destroy();
    cache.delete(docId);
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.once('close', () => db.close());
