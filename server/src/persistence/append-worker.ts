/**
 * The main thread's side of append-worker.mjs: hands it a batch of updates and learns when
 * they are durable — asynchronously (a promise) on the hot path, or by blocking until then
 * (Atomics.wait) where a caller must not go on before, such as a server-side change that
 * returns once it is on disk. Started on first use; unref'd while idle.
 */
import { Worker } from 'node:worker_threads';
import type { BackgroundAppend } from '../rooms/types.js';


/** How long a blocking wait gives the worker (its SQLite waits up to 5 s for a lock). */
const WAIT_MS = 15_000;

export class AppendWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private readonly waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();

  constructor(private readonly dbFile: string) {}

  append(entries: readonly { docId: string; update: Uint8Array }[]): BackgroundAppend {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    worker.ref(); // keep the process up while a write is under way
    // Copied to buffers of their own and moved, not cloned: an update read from a socket is a
    // view into a larger buffer, all of which a structured clone would copy.
    const own = entries.map(({ docId, update }) => ({ docId, update: update.slice() }));
    worker.postMessage({ id, entries: own }, own.map((entry) => entry.update.buffer));
    return { done, wait: () => this.waitFor(id) };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private waitFor(id: number): void {
    const end = Date.now() + WAIT_MS;
    while (Atomics.load(this.signal, 0) < id) {
      if (!this.worker) throw new Error('the append worker stopped');
      const left = end - Date.now();
      if (left <= 0) throw new Error('the append worker did not answer in time');
      Atomics.wait(this.signal, 0, Atomics.load(this.signal, 0), Math.min(left, 100));
    }
    // One batch is in flight at a time (LogWriter), so the outcome stored is this batch's.
    if (Atomics.load(this.signal, 0) === id && Atomics.load(this.signal, 1) !== 1) throw new Error('the update log could not be written');
  }

  private start(): Worker {
    const worker = new Worker(new URL('./append-worker.mjs', import.meta.url), {
      workerData: { dbFile: this.dbFile, signal: this.signal.buffer },
    });
    worker.unref();
    worker.on('message', (result: { id: number; ok: boolean; error?: string }) => {
      const waiter = this.waiting.get(result.id);
      this.waiting.delete(result.id);
      if (this.waiting.size === 0) worker.unref();
      if (result.ok) waiter?.resolve();
      else waiter?.reject(new Error(result.error));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the append worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
