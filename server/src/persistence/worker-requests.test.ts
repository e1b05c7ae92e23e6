import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir.js';
import { WorkerRequests } from './worker-requests.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A worker that answers `{ ok: true }`, or stops (exit code 3) when asked to. */
function workerScript(): URL {
  const dir = makeTempDir('factdesk-worker-');
  cleanups.push(dir.remove);
  const file = join(dir.path, 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, stop }) => (stop ? process.exit(3) : parentPort.postMessage({ id, ok: true })));
`,
  );
  return pathToFileURL(file);
}

describe('a worker of the update log', () => {
  it('counts as running before its first request and while it answers', async () => {
    const requests = new WorkerRequests(workerScript(), {}, 'test worker');
    cleanups.push(() => requests.close());
    expect(requests.check()).toEqual({ name: 'test worker', running: true });
    await requests.send({}).answer;
    expect(requests.check()).toEqual({ name: 'test worker', running: true });
  });

  it('reports that it stopped and why, and is started again by the check', async () => {
    const requests = new WorkerRequests(workerScript(), {}, 'test worker');
    cleanups.push(() => requests.close());
    await expect(requests.send({ stop: true }).answer).rejects.toThrow('the test worker stopped (exit code 3)');
    expect(requests.check()).toEqual({ name: 'test worker', running: false, error: 'the test worker stopped (exit code 3)' });
    expect(requests.check()).toEqual({ name: 'test worker', running: true });
    expect((await requests.send({}).answer).ok).toBe(true);
  });
});
