import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema, canonicalText, exportWebAnnotations, importPlainText, listClaims, targetFromRange, type Claim } from '@factdesk/shared';
import { connectCollab } from '../testing/collab-client.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { runCli } from './run.js';

const ARTICLE = 'Bridge\nThe bridge opens in 2027, the mayor says.';

/** A Web Annotation file with two claims on the article, as another Factdesk exported it. */
function annotationFile(): string {
  const article = importPlainText(ARTICLE);
  const text = canonicalText(articleSchema.nodeFromJSON(article));
  const claim = (id: string, exact: string): Claim => ({
    id,
    author: { id: 'u-ana', name: 'Ana' },
    createdAt: '2026-11-19T09:00:00.000Z',
    updatedAt: '2026-11-19T09:00:00.000Z',
    target: targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1),
    verdict: 'mostly-true',
    rationale: `About ${exact}.`,
    sources: [],
    tags: [],
    status: 'draft',
    review: null,
    history: [],
    thread: [],
  });
  const meta = { title: 'Bridge', sourceUrl: '', publisher: '', publishedAt: '', currentVersion: 1 };
  return exportWebAnnotations({ article, meta, claims: [claim('opens', 'opens in 2027'), claim('mayor', 'the mayor says')], documentId: 'bridge' });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

describe('factdesk import-annotations', () => {
  let t: TestServer;
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  const out: string[] = [];
  const err: string[] = [];
  const run = (env: NodeJS.ProcessEnv, ...argv: string[]) => runCli(argv, { env, out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeAll(async () => {
    t = await startTestServer({ seeds: { 'bridge.txt': ARTICLE } });
    await t.addUser('rex', 'reviewer');
    dir = makeTempDir('factdesk-import-');
    file = join(dir.path, 'bridge.jsonld');
    writeFileSync(file, annotationFile());
  });
  afterAll(async () => {
    dir?.remove();
    await t?.close();
  });

  it('signs in over HTTP and restores the claims through the running server, which holds them', async () => {
    const code = await run({ FACTDESK_PASSWORD: 'rex-password' }, 'import-annotations', 'bridge', file, '--login', 'rex', '--server', t.url);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual(['Imported 2 claims onto bridge (0 already there, 0 not found in the current text).']);
    const reader = connectCollab(t.url, 'bridge', await t.adminToken());
    try {
      await reader.synced();
      expect(listClaims(reader.doc).map((c) => [c.id, c.author.name, c.rationale])).toEqual([
        ['opens', 'Ana', 'About opens in 2027.'],
        ['mayor', 'Ana', 'About the mayor says.'],
      ]);
    } finally {
      reader.destroy();
    }
    out.length = 0;
    expect(await run({}, 'import-annotations', 'bridge', file, '--login', 'rex', '--password', 'rex-password', '--server', t.url)).toBe(0);
    expect(out).toEqual(['Imported 0 claims onto bridge (2 already there, 0 not found in the current text).']);
  });

  it('says clearly when the server is not running, the password is wrong or missing, or the role falls short', async () => {
    err.length = 0;
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    expect(await run({ FACTDESK_PASSWORD: 'x' }, 'import-annotations', 'bridge', file, '--login', 'rex', '--server', nowhere)).toBe(1);
    expect(err[0]).toBe(`Cannot reach the Factdesk server at ${nowhere} (ECONNREFUSED). Is it running (npm start)? Point to it with --server <url>.`);
    expect(await run({ FACTDESK_PASSWORD: 'wrong' }, 'import-annotations', 'bridge', file, '--login', 'rex', '--server', t.url)).toBe(1);
    expect(err[1]).toMatch(/^Sign-in as rex failed: /);
    expect(await run({}, 'import-annotations', 'bridge', file, '--login', 'rex', '--server', t.url)).toBe(2);
    expect(err[2]).toMatch(/^Give the password in the FACTDESK_PASSWORD environment variable/);
    await t.addUser('ann', 'annotator');
    expect(await run({ FACTDESK_PASSWORD: 'ann-password' }, 'import-annotations', 'bridge', file, '--login', 'ann', '--server', t.url)).toBe(1);
    expect(err[3]).toBe('The import was refused: Only a reviewer or an admin may import annotations.');
  });
});
