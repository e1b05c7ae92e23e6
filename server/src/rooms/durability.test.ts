/**
 * Nothing anyone has seen is lost: the server writes each accepted update to SQLite before
 * it broadcasts it, so neither SIGKILL nor SIGTERM in the middle of writing loses a claim
 * that another client received.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaim, listClaims, type Actor } from '@factdesk/shared';
import { openDatabase } from '../db/database.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
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

async function start(dir: string, port = 0): Promise<ServerProcess> {
  const server = await spawnServer(dir, PASSWORD, port);
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

/** The claims in the data directory's log, read straight from SQLite (the server being down). */
function storedClaimIds(dir: string): Set<string> {
  const db = openDatabase(dir);
  try {
    const doc = new Y.Doc();
    for (const update of createSqliteUpdateLog(db).load(DOC)) Y.applyUpdate(doc, update);
    return new Set(listClaims(doc).map((c) => c.id));
  } finally {
    db.close();
  }
}

const ids = (c: CollabClient) => listClaims(c.doc).map((claim) => claim.id);

describe('durability', () => {
  it('keeps what five writing clients had received through a SIGKILL, and they re-sync to the new server without duplicates', async () => {
    const dir = makeTempDir('factdesk-crash-');
    cleanups.push(dir.remove);
    const first = await start(dir.path);
    const port = Number(new URL(first.url).port);
    const admin = await signIn(first.url);
    const writers = Array.from({ length: 5 }, () => client(first.url, admin.token));
    await Promise.all(writers.map((c) => c.synced()));
    const made = writers.map(() => new Set<string>());
    const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
    const write = (w: number, label: string) =>
      made[w].add(createClaim(writers[w].doc, admin.user, { target, verdict: 'true', rationale: `${label} by writer ${w}`, sources: [] }));

    // Each writer adds a claim every 10 ms until the server dies under them.
    let round = 0;
    const ticker = setInterval(() => writers.forEach((_, w) => write(w, `claim ${round}`), round++), 10);
    await writers[0].until((d) => listClaims(d).length >= 100, 10_000);
    first.child.kill('SIGKILL');
    clearInterval(ticker);
    expect(await first.exited).toBe('SIGKILL');

    // What each client had received from the server (claims it did not make) is on disk.
    const received = new Set(writers.flatMap((c, w) => ids(c).filter((id) => !made[w].has(id))));
    expect(received.size).toBeGreaterThan(50);
    const stored = storedClaimIds(dir.path);
    for (const id of received) expect(stored.has(id), `claim ${id} was received but lost`).toBe(true);

    // Offline, they keep working; then the server comes back on the same address and they reconnect.
    writers.forEach((_, w) => write(w, 'offline claim'));
    const everything = new Set([...made.flatMap((m) => [...m]), ...received]);
    const second = await start(dir.path, port);
    for (const c of writers) await c.until((d) => listClaims(d).length === everything.size, 20_000);

    const reader = client(second.url, admin.token);
    await reader.until((d) => listClaims(d).length === everything.size);
    for (const c of [...writers, reader]) {
      const claims = listClaims(c.doc);
      expect(new Set(claims.map((claim) => claim.id))).toEqual(everything);
      expect(new Set(claims.map((claim) => claim.rationale)).size, 'a claim was stored twice').toBe(claims.length);
    }
    for (const c of writers) expect(c.rejections).toEqual([]);
  }, 60_000);


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
