/**
 * The main thread's side of append-worker.mjs: hands it a batch of updates and learns when
 * they are durable — asynchronously (a promise) on the hot path, or by blocking until then
 * (Atomics.wait) where a caller must not go on before, such as a server-side change that
 * returns once it is on disk. Started on first use; unref'd while idle.
 */
import type { BackgroundAppend } from '../rooms/types.js';
import { WorkerRequests, type WorkerCheck } from './worker-requests.js';


/** How long a blocking wait gives the worker (its SQLite waits up to 5 s for a lock). */
const WAIT_MS = 15_000;

export class AppendWorker {
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private readonly requests: WorkerRequests;

  constructor(dbFile: string) {
    this.requests = new WorkerRequests(new URL('./append-worker.mjs', import.meta.url), { dbFile, signal: this.signal.buffer }, 'append worker');
  }

  append(entries: readonly { docId: string; update: Uint8Array }[]): BackgroundAppend {
    // Copied to buffers of their own and moved, not cloned: an update read from a socket is a
    // view into a larger buffer, all of which a structured clone would copy.
    const own = entries.map(({ docId, update }) => ({ docId, update: update.slice() }));
    const { id, answer } = this.requests.send({ entries: own }, own.map((entry) => entry.update.buffer as ArrayBuffer));
    return { done: answer.then(() => undefined), wait: () => this.waitFor(id) };
  }

  check(): WorkerCheck {
    return this.requests.check();
  }

  close(): Promise<void> {
    return this.requests.close();
  }

  private waitFor(id: number): void {
    const end = Date.now() + WAIT_MS;
    while (Atomics.load(this.signal, 0) < id) {
      if (!this.requests.running) throw new Error('the append worker stopped');
      const left = end - Date.now();
      if (left <= 0) throw new Error('the append worker did not answer in time');
      Atomics.wait(this.signal, 0, Atomics.load(this.signal, 0), Math.min(left, 100));
    }
    // One batch is in flight at a time (LogWriter), so the outcome stored is this batch's.
    if (Atomics.load(this.signal, 0) === id && Atomics.load(this.signal, 1) !== 1) throw new Error('the update log could not be written');
  }
}
