/**
 * Group commit. Every accepted update must be on disk before anyone else sees it, and with
 * `synchronous = FULL` each SQLite commit costs an fsync (≈ 0.3 ms here, far more when the
 * disk is busy): one commit per update caps a server at ≈ 3,500 updates/s. So rooms hand their
 * accepted updates to this writer, which commits them in batches and only then lets each room
 * broadcast, in arrival order. Where the log can (SQLite on a file), batches are written by a
 * worker thread, one at a time: the event loop goes on checking updates while a batch is being
 * made durable, and everything that arrived meanwhile is the next batch. A small batch with
 * nothing in flight is written on the event loop instead: at a newsroom's pace most batches hold
 * one update, and one commit (≈ 0.6 ms) costs less than handing it to the worker and back — two
 * thread wake-ups, which on busy cores were the slow tail of the fan-out bench. The guarantee is
 * unchanged: nothing is sent before it is durable.
 */
import type { BackgroundAppend, UpdateLog } from './types.js';

interface Pending {
  docId: string;
  update: Uint8Array;
  stored: () => void;
  failed: (error: Error) => void;
}

interface InFlight {
  batch: Pending[];
  /** Run once the batch is durable (whenFlushed callers). */
  waiters: (() => void)[];
  append: BackgroundAppend;
  settled: boolean;
  startedAt: number;
}

/** Batches of up to this many updates are written on the event loop when no batch is in flight. */
const INLINE_BATCH = 8;

export interface LogWriterOptions {
  /** The largest batch written on the event loop while the worker is idle (default 8; 0: always the worker). */
  inlineUpTo?: number;
  /** Told how long each batch took to become durable (the metrics' commit latency). */
  onCommitted?: (seconds: number) => void;
}

export class LogWriter {
  private queue: Pending[] = [];
  private waiters: (() => void)[] = [];
  private scheduled = false;
  private inFlight: InFlight | null = null;
  private readonly inlineUpTo: number;
  private readonly onCommitted?: (seconds: number) => void;

  constructor(
    private readonly log: UpdateLog,
    options: LogWriterOptions = {},
  ) {
    this.inlineUpTo = options.inlineUpTo ?? INLINE_BATCH;
    this.onCommitted = options.onCommitted;
  }

  /** Queues `update`; `stored` runs once it is durable, `failed` if it could not be written. */
  write(docId: string, update: Uint8Array, stored: () => void, failed: (error: Error) => void): void {
    this.queue.push({ docId, update, stored, failed });
    this.schedule();
  }

  /** Runs `fn` once everything queued so far is written (now, when nothing is queued or being written). */
  whenFlushed(fn: () => void): void {
    if (this.queue.length > 0) this.waiters.push(fn);
    else if (this.inFlight) this.inFlight.waiters.push(fn);
    else fn();
  }

  /**
   * Writes everything queued, and waits for the batch being written, before it returns (on the
   * event loop): callers use it before reading the log back, or to return only once durable.
   */
  flush(): void {
    this.scheduled = false;
    const flight = this.inFlight;
    if (flight) {
      let error: Error | null = null;
      try {
        flight.append.wait();
      } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
      }
      this.settle(flight, error, false);
    }
    const batch = this.take();
    if (!batch) return;
    let error: Error | null = null;
    const startedAt = performance.now();
    try {
      if (batch.batch.length > 0) this.log.appendMany(batch.batch);
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    }
    if (!error && batch.batch.length > 0) this.onCommitted?.((performance.now() - startedAt) / 1000);
    finish(batch.batch, batch.waiters, error);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const small = !this.inFlight && this.queue.length <= this.inlineUpTo;
      if (this.log.appendManyInBackground && !small) this.startBackground();
      else this.flush();
    });
  }

  /** Sends what is queued to the worker, unless a batch is being written (its end sends the next). */
  private startBackground(): void {
    if (this.inFlight) return;
    const next = this.take();
    if (!next) return;
    if (next.batch.length === 0) return finish([], next.waiters, null);
    const flight: InFlight = { ...next, append: this.log.appendManyInBackground!(next.batch), settled: false, startedAt: performance.now() };
    this.inFlight = flight;
    flight.append.done.then(
      () => this.settle(flight, null, true),
      (error: Error) => this.settle(flight, error, true),
    );
  }

  /** A batch's end, told once (by the worker's answer, or by a blocking wait in flush). */
  private settle(flight: InFlight, error: Error | null, startNext: boolean): void {
    if (flight.settled) return;
    flight.settled = true;
    if (this.inFlight === flight) this.inFlight = null;
    if (!error) this.onCommitted?.((performance.now() - flight.startedAt) / 1000);
    finish(flight.batch, flight.waiters, error);
    if (startNext) this.startBackground();
  }

  private take(): { batch: Pending[]; waiters: (() => void)[] } | null {
    if (this.queue.length === 0 && this.waiters.length === 0) return null;
    const taken = { batch: this.queue, waiters: this.waiters };
    this.queue = [];
    this.waiters = [];
    return taken;
  }
}

/** Tells each update's room how its write went, in order, then the whenFlushed callers. */
function finish(batch: Pending[], waiters: (() => void)[], error: Error | null): void {
  for (const entry of batch) {
    try {
      if (error) entry.failed(error);
      else entry.stored();
    } catch (e) {
      console.error(`log writer: a room failed after a write: ${(e as Error).message}`);
    }
  }
  for (const fn of waiters) {
    try {
      fn();
    } catch (e) {
      console.error(`log writer: a waiter failed: ${(e as Error).message}`);
    }
  }
}
