/**
 * The server as a process: what `npm start` does with a wrong configuration and with the
 * signals a terminal or a service manager sends it.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClaim, listClaims, type Actor } from '@factdesk/shared';
import { connectCollab, type CollabClient } from './testing/collab-client.js';
import { SERVER_COMMAND, spawnServer, type ServerProcess } from './testing/server-process.js';
import { makeTempDir } from './testing/temp-dir.js';

const DOC = 'us-russia-un-resolution';
const PASSWORD = 'process-admin-password';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

function tempDir(): string {
  const dir = makeTempDir('factdesk-process-');
  cleanups.push(dir.remove);
  return dir.path;
}

async function start(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const server = await spawnServer(dataDir, PASSWORD, 0, env);
  cleanups.push(() => server.child.kill('SIGKILL'));
  return server;
}

async function signIn(url: string): Promise<{ token: string; user: Actor }> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: PASSWORD }) });
  return (await res.json()) as { token: string; user: Actor };
}

function collab(url: string, token: string): CollabClient {
  const client = connectCollab(url, DOC, token);
  cleanups.push(() => client.destroy());
  return client;
}

const TARGET = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };

describe('the server process', () => {
  it('does not start with a wrong value, from the environment or .env, and says which without showing the password', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'PUBLIC_URL=factdesk.example.org\n');
    const child = spawn(process.execPath, SERVER_COMMAND, {
      cwd: dir,
      env: { ...process.env, PORT: 'abc', FACTDESK_ADMIN_PASSWORD: 'hunter2', DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((done) => child.once('close', done));

    expect(code).not.toBe(0);
    expect(stderr).toContain('PORT: "abc" is not a port number (1–65535, or 0 for any free port)');
    expect(stderr).toContain('PUBLIC_URL: "factdesk.example.org" is not a URL with http:// or https://');
    expect(stderr).toContain('FACTDESK_ADMIN_PASSWORD: the value given cannot be used');
    expect(stderr).not.toContain('hunter2');
  });

  it('logs its effective configuration at start, without the admin password', async () => {
    const server = await start(tempDir(), { SHUTDOWN_TIMEOUT_MS: '4000' });
    expect(server.output()).toMatch(/SHUTDOWN_TIMEOUT_MS\s+4000\n/);
    expect(server.output()).toMatch(/FACTDESK_ADMIN_PASSWORD\s+set\n/);
    expect(server.output()).not.toContain(PASSWORD);
  });

  it('on SIGTERM closes a connected websocket with 1001, keeps the update it accepted just before, and exits 0', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const admin = await signIn(first.url);
    const writer = collab(first.url, admin.token);
    const observer = collab(first.url, admin.token);
    await Promise.all([writer.synced(), observer.synced()]);

    const id = createClaim(writer.doc, admin.user, { target: TARGET, verdict: 'true', rationale: 'sent just before the stop', sources: [] });
    await observer.until((doc) => listClaims(doc).some((claim) => claim.id === id));
    first.child.kill('SIGTERM');

    await expect.poll(() => writer.closes, { timeout: 10_000 }).toContain(1001);
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('SIGTERM: stopping Factdesk');

    const second = await start(dataDir);
    const reader = collab(second.url, (await signIn(second.url)).token);
    await reader.synced();
    expect(listClaims(reader.doc).map((claim) => claim.rationale)).toContain('sent just before the stop');
  }, 60_000);

  it('exits 1, saying so, when the stop takes longer than SHUTDOWN_TIMEOUT_MS', async () => {
    const server = await start(tempDir(), { SHUTDOWN_TIMEOUT_MS: '300' });
    // A request whose body never comes: the stop waits for it until the timeout.
    const held = request(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '100', Expect: '100-continue' } });
    held.on('error', () => {});
    cleanups.push(() => held.destroy());
    await new Promise((taken) => {
      held.once('continue', taken);
      held.flushHeaders();
    });
    server.child.kill('SIGTERM');

    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Factdesk did not stop within 300 ms (SHUTDOWN_TIMEOUT_MS)');
  }, 30_000);
});
