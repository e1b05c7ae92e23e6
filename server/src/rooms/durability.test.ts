/**
 * Nothing anyone has seen is lost: the server writes each accepted update to SQLite before
 * it broadcasts it, so neither SIGKILL nor SIGTERM in the middle of writing loses a claim
 * that another client received.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClaim, listClaims, type Actor } from '@factdesk/shared';
import { makeTempDir } from '../testing/temp-dir.js';
import { spawnServer, type ServerProcess } from '../testing/server-process.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';

const DOC = 'us-russia-un-resolution';
const PASSWORD = 'durability-admin-password';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((f) => f()));

async function signIn(url: string): Promise<{ token: string; user: Actor }> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: PASSWORD }) });
  return (await res.json()) as { token: string; user: Actor };
}

async function start(dir: string): Promise<ServerProcess> {
  const server = await spawnServer(dir, PASSWORD);
  cleanups.push(() => server.child.kill('SIGKILL'));
  return server;
}

function client(url: string, token: string): CollabClient {
  const c = connectCollab(url, DOC, token);
  cleanups.push(() => c.destroy());
  return c;
}

/** Two writers add claims while an observer watches; returns the ids the observer has seen. */
async function writeWhileWatching(url: string, token: string, user: Actor, stop: () => void): Promise<Set<string>> {
  const writers = [client(url, token), client(url, token)];
  const observer = client(url, token);
  await Promise.all([...writers, observer].map((c) => c.synced()));
  const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
  for (let i = 0; i < 40; i++) {
    createClaim(writers[i % 2].doc, { id: user.id, name: user.name }, { target, verdict: 'true', rationale: `claim ${i}`, sources: [] });
    if (i === 30) await observer.until((d) => listClaims(d).length >= 20);
    if (i === 30) stop();
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 200));
  return new Set(listClaims(observer.doc).map((c) => c.id));
}

describe('durability', () => {
  it('keeps every claim another client had received when the server is killed with SIGKILL', async () => {
    const dir = makeTempDir('factdesk-kill-');
    cleanups.push(dir.remove);
    const first = await start(dir.path);
    const admin = await signIn(first.url);
    const seen = await writeWhileWatching(first.url, admin.token, admin.user, () => first.child.kill('SIGKILL'));
    expect(await first.exited).toBe('SIGKILL');
    expect(seen.size).toBeGreaterThanOrEqual(20);

    const second = await start(dir.path);
    const reader = client(second.url, admin.token);
    await reader.synced();
    const stored = new Set(listClaims(reader.doc).map((c) => c.id));
    for (const id of seen) expect(stored.has(id), `claim ${id} was seen but lost`).toBe(true);
  });

  it('stops cleanly on SIGTERM during writes, exits 0, and loses nothing that was seen', async () => {
    const dir = makeTempDir('factdesk-term-');
    cleanups.push(dir.remove);
    const first = await start(dir.path);
    const admin = await signIn(first.url);
    const seen = await writeWhileWatching(first.url, admin.token, admin.user, () => first.child.kill('SIGTERM'));
    expect(await first.exited).toBe(0);

    const second = await start(dir.path);
    const reader = client(second.url, admin.token);
    await reader.synced();
    const stored = new Set(listClaims(reader.doc).map((c) => c.id));
    for (const id of seen) expect(stored.has(id)).toBe(true);
  });
});
