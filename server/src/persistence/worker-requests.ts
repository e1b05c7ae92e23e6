/**
 * Requests to one long-lived worker thread of the update log (compaction-worker.mjs,
 * append-worker.mjs), each answered by `{ id, ok, error?, ...result }`. Started on first use;
 * referenced only while a request is under way, so an idle worker never keeps the process up.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerAnswer {
  id: number;
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

/** `running` is false only for a worker that stopped on its own; an idle one starts on first use. */
export interface WorkerCheck {
  name: string;
  running: boolean;
  error?: string;
}

export class WorkerRequests {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(answer: WorkerAnswer): void; reject(error: Error): void }>();
  /** Why the worker last stopped on its own, until it runs again. */
  private stoppedBecause: string | null = null;

  /** @param name how errors name the worker */
  constructor(
    private readonly script: URL,
    private readonly workerData: unknown,
    private readonly name: string,
  ) {}

  /** Whether the worker is running (it stops on a crash; the next request starts it again). */
  get running(): boolean {
    return this.worker !== null;
  }

  /**
   * The worker's state without asking it anything: a stopped one is named with the reason,
   * and started again here (not waited for) so that a probe, not only the next request,
   * brings it back — a server reported unready gets no requests to do that.
   */
  check(): WorkerCheck {
    const error = this.stoppedBecause;
    if (error === null) return { name: this.name, running: true };
    this.start();
    return { name: this.name, running: false, error };
  }

  /** Sends `message` with a fresh id (returned), moving `transfer`; `answer` settles with the worker's answer. */
  send(message: object, transfer: ArrayBuffer[] = []): { id: number; answer: Promise<WorkerAnswer> } {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const answer = new Promise<WorkerAnswer>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    worker.ref(); // keep the process up while a request is under way
    worker.postMessage({ ...message, id }, transfer);
    return { id, answer };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.stoppedBecause = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: this.workerData });
    this.stoppedBecause = null;
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) worker.unref();
      if (answer.ok) waiter?.resolve(answer);
      else waiter?.reject(new Error(answer.error));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) {
        this.worker = null;
        this.stoppedBecause = error.message;
      }
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the ${this.name} stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
