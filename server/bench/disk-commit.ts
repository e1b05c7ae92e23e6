/**
 * What one durable commit of the update log costs on this machine's disk: the floor under our
 * fan-out latency. Our server broadcasts an update only once it is on disk (ADR 0008: one
 * SQLite commit with `synchronous = FULL`, an fsync, per turn of the event loop); the reference
 * keeps nothing. So every delivery of ours carries one commit, and its slow ones (the disk's own
 * tail) reach the latency's tail. Measured with the server's own log on a real SQLite file in a
 * fresh directory, one update per commit at the fan-out's pace, with nothing else running.
 */
import { openDatabase } from '../src/db/database.js';
import { createSqliteUpdateLog } from '../src/persistence/update-log.js';
import { makeTempDir } from '../src/testing/temp-dir.js';
import { quantile } from './harness.js';

export interface DiskCommitResult {
  commits: number;
  /** ms per commit. */
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/** Commits `count` single updates of `bytes` bytes, `perSecond` a second, and times each. */
export async function measureDiskCommit(count: number, perSecond: number, bytes = 200): Promise<DiskCommitResult> {
  const dir = makeTempDir('factdesk-disk-');
  const db = openDatabase(dir.path);
  const log = createSqliteUpdateLog(db);
  try {
    const update = new Uint8Array(bytes).fill(1);
    const times: number[] = [];
    const gap = 1000 / perSecond;
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      log.appendMany([{ docId: `disk-${i % 200}`, update }]);
      const took = performance.now() - started;
      times.push(took);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, gap - took)));
    }
    if (log.pendingSinceSnapshot('disk-0') !== Math.ceil(count / 200)) throw new Error('the disk commits did not all reach the log');
    times.sort((a, b) => a - b);
    return { commits: count, p50: quantile(times, 0.5), p99: quantile(times, 0.99), p999: quantile(times, 0.999), max: times[times.length - 1] };
  } finally {
    await log.close?.();
    db.close();
    dir.remove();
  }
}
