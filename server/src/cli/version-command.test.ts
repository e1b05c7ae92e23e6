import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeta } from '@factdesk/shared';
import { connectCollab } from '../testing/collab-client.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { runCli } from './run.js';

const ARTICLE = 'Bridge\nThe bridge opens in 2027, the mayor says.';

describe('factdesk new-version', () => {
  let t: TestServer;
  let dir: ReturnType<typeof makeTempDir>;
  const out: string[] = [];
  const err: string[] = [];
  const run = (env: NodeJS.ProcessEnv, ...argv: string[]) => runCli(argv, { env, out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeAll(async () => {
    t = await startTestServer({ seeds: { 'bridge.txt': ARTICLE } });
    await t.addUser('rex', 'reviewer');
    await t.addUser('ann', 'annotator');
    dir = makeTempDir('factdesk-version-');
  });
  afterAll(async () => {
    await t?.close();
    dir?.remove();
  });

  it('uploads a Markdown file as the next version, through the running server', async () => {
    const file = join(dir.path, 'bridge.md');
    writeFileSync(file, '# Bridge\n\nThe bridge opens in 2028, the mayor says.\n');
    const code = await run({ FACTDESK_PASSWORD: 'rex-password' }, 'new-version', 'bridge', file, '--login', 'rex', '--server', t.url);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^Version 2 of bridge is up/);
    const watcher = connectCollab(t.url, 'bridge', await t.adminToken());
    await watcher.until((doc) => readMeta(doc).currentVersion === 2);
    watcher.destroy();
    watcher.provider.awareness.destroy();
  });

  it('reports a refusal with exit code 1, and wrong usage with 2', async () => {
    const file = join(dir.path, 'bridge.txt');
    writeFileSync(file, 'Bridge\nSomething else entirely.');
    expect(await run({}, 'new-version', 'bridge', file, '--login', 'ann', '--password', 'ann-password', '--server', t.url)).toBe(1);
    expect(err.at(-1)).toMatch(/refused: Only a reviewer or an admin/);
    expect(await run({}, 'new-version', 'bridge', file, '--login', 'rex', '--password', 'p', '--format', 'pdf')).toBe(2);
  });

});
