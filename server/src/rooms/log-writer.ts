/**
 * Group commit. Every accepted update must be on disk before anyone else sees it, and with
 * `synchronous = FULL` each SQLite commit costs an fsync (≈ 0.3 ms here): one commit per
 * update caps a server at ≈ 3,500 updates/s. So rooms hand their accepted updates to this
 * writer, which commits everything that arrived in one turn of the event loop in a single
 * transaction, and only then lets each room broadcast, in arrival order. The guarantee is
 * unchanged: nothing is sent before it is durable.
 */
import type { UpdateLog } from './types.js';

interface Pending {
  docId: string;
  update: Uint8Array;
  stored: () => void;
  failed: (error: Error) => void;
}

export class LogWriter {
  private queue: Pending[] = [];
  private waiters: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly log: UpdateLog) {}

  /** Queues `update`; `stored` runs once it is durable, `failed` if it could not be written. */
  write(docId: string, update: Uint8Array, stored: () => void, failed: (error: Error) => void): void {
    this.queue.push({ docId, update, stored, failed });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Runs `fn` once everything queued so far is written (now, when nothing is queued). */
  whenFlushed(fn: () => void): void {
    if (this.queue.length === 0) fn();
    else this.waiters.push(fn);
  }

  /** Writes what is queued now, in one transaction; callers use it before reading the log back. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    const waiters = this.waiters;
    if (batch.length === 0 && waiters.length === 0) return;
    this.queue = [];
    this.waiters = [];
    let error: Error | null = null;
    try {
      if (batch.length > 0) this.log.appendMany(batch);
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    }
    for (const entry of batch) {
      try {
        if (error) entry.failed(error);
        else entry.stored();
      } catch (e) {
        console.error(`log writer: a room failed after a write: ${(e as Error).message}`);
      }
    }
    for (const fn of waiters) fn();
  }
}
