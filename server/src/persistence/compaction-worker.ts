/**
 * Runs in a worker thread: folds one document's stored updates into its snapshot, so that a
 * busy room's event loop never stops for it. It opens its own SQLite connection, replays the
 * snapshot and the updates it finds into a Y.Doc, and — in one transaction — writes the new
 * snapshot and deletes exactly the updates it folded. Updates appended meanwhile stay.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

const { dbFile, docId } = workerData as { dbFile: string; docId: string };
const db = new Database(dbFile);
try {
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  const snapshot = db.prepare('SELECT data FROM doc_snapshots WHERE doc_id = ?').pluck().get(docId) as Buffer | undefined;
  const rows = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as { seq: number; data: Buffer }[];
  if (rows.length > 0) {
    const doc = new Y.Doc();
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    const upTo = rows[rows.length - 1].seq;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO doc_snapshots (doc_id, data, created_at) VALUES (?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, created_at = excluded.created_at`,
      ).run(docId, state, new Date().toISOString());
      db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?').run(docId, upTo);
    })();
  }
  parentPort!.postMessage({ ok: true, folded: rows.length });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: (error as Error).message });
} finally {
  db.close();
}
