// Runs in a worker thread, for the life of the server: appends batches of accepted updates to
// the update log, so that the fsync of each commit (synchronous = FULL) stops this thread, not
// the server's event loop. One batch at a time; the main thread sends the next once this one
// is durable. Plain JavaScript, as compaction-worker.mjs and for the same reason.
//
// Messages in: { id, entries: [{ docId, update }] }. Out: { id, ok: true } or { id, ok: false,
// error }. Before answering, it also stores the outcome in the shared `signal` (Int32Array:
// [last finished id, 1 ok / 2 failed]) and wakes whoever waits on it: the main thread, when
// it must know a batch is on disk before it goes on (Atomics.wait).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.dbFile);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = 0'); // the compaction worker checkpoints (update-log.ts)
const insert = db.prepare('INSERT INTO doc_updates (doc_id, data, created_at) VALUES (?, ?, ?)');
const appendMany = db.transaction((entries, at) => {
  for (const { docId, update } of entries) insert.run(docId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), at);
});
const signal = new Int32Array(workerData.signal);

parentPort.on('message', ({ id, entries }) => {
  let error = null;
  try {
    appendMany(entries, new Date().toISOString());
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  Atomics.store(signal, 1, error ? 2 : 1);
  Atomics.store(signal, 0, id);
  Atomics.notify(signal, 0);
  parentPort.postMessage(error ? { id, ok: false, error } : { id, ok: true });
});
