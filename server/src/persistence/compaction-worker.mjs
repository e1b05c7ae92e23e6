// Runs in a worker thread, for the life of the server: folds one document's stored updates
// into its snapshot per request, so that a busy room's event loop never stops for it. Plain
// JavaScript on purpose: a worker does not inherit tsx's loader, and compiling TypeScript on
// every start cost more CPU than the compaction itself. It keeps its own SQLite connection,
// replays the snapshot and the updates it finds into a Y.Doc, and — in one transaction —
// writes the new snapshot and deletes exactly the updates it folded. Updates appended
// meanwhile stay.
//
// Messages in: { id, docId }. Out: { id, ok: true, folded } or { id, ok: false, error }.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

const db = new Database(workerData.dbFile);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const selectSnapshot = db.prepare('SELECT data FROM doc_snapshots WHERE doc_id = ?').pluck();
const selectUpdates = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq');
const upsertSnapshot = db.prepare(
  `INSERT INTO doc_snapshots (doc_id, data, created_at) VALUES (?, ?, ?)
   ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, created_at = excluded.created_at`,
);
const deleteFolded = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
const replace = db.transaction((docId, state, upTo) => {
  upsertSnapshot.run(docId, state, new Date().toISOString());
  deleteFolded.run(docId, upTo);
});

/** Folds the document's log; returns how many updates it folded. */
function compact(docId) {
  const snapshot = selectSnapshot.get(docId);
  const rows = selectUpdates.all(docId);
  if (rows.length === 0) return 0;
  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const row of rows) Y.applyUpdate(doc, row.data);
  });
  replace(docId, Buffer.from(Y.encodeStateAsUpdate(doc)), rows[rows.length - 1].seq);
  doc.destroy();
  return rows.length;
}

parentPort.on('message', ({ id, docId }) => {
  try {
    parentPort.postMessage({ id, ok: true, folded: compact(docId) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.once('close', () => db.close());
