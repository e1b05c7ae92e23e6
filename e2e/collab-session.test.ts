/**
 * The app's own collaboration module (client/src/collab) against the real server, in Node:
 * when the server refuses a change, the session tells its listeners why, drops the change by
 * replacing its doc, and keeps syncing — its later changes arrive. With an offline copy (kept
 * in memory here: Node has no IndexedDB), the session loads it before connecting, counts what
 * was done offline until it is sent, and after a rejection clears the copy and re-applies the
 * person's other pending changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClaim, listClaims, readClaim, updateClaim, type Actor } from '@factdesk/shared';
import { openArticleSession, type ArticleSession, type LocalCopyFactory } from '../client/src/collab/index.js';
import { memoryCopies } from '../client/src/test/memory-copy.js';
import { ADMIN_PASSWORD, startServerUnderTest, type ServerUnderTest } from '../server/src/testing/server-under-test.js';
import { connectCollab } from '../server/src/testing/collab-client.js';

const DOC = 'us-russia-un-resolution';
const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
let server: ServerUnderTest;
const sessions: ArticleSession[] = [];

beforeAll(async () => {
  server = await startServerUnderTest();
});
afterAll(async () => {
  for (const s of sessions) s.destroy();
  await server.dispose();
});

function open(token: string, offline: { localCopy?: LocalCopyFactory; user?: Actor } = {}): ArticleSession {
  const session = openArticleSession(DOC, {
    WebSocketPolyfill: WebSocket as never,
    serverUrl: `${server.url.replace('http', 'ws')}/collab`,
    params: { token },
    disableBc: true,
    localCopy: offline.localCopy,
    user: offline.user ? () => offline.user! : undefined,
  });
  sessions.push(session);
  return session;
}

const ref = (a: Actor) => ({ id: a.id, name: a.name });

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the app's collaboration session", () => {
  it('shows why a change was refused, drops it, and keeps syncing', async () => {
    const anna = await server.addPerson('anna', 'annotator');
    const admin = await server.signIn('admin', ADMIN_PASSWORD);
    const watcher = connectCollab(server.url, DOC, admin.token);
    await watcher.synced();
    const theirs = createClaim(watcher.doc, ref(admin.user), { target, verdict: 'true', rationale: 'admin wrote this', sources: [] });

    const session = open(anna.token);
    const reasons: string[] = [];
    session.onRejected((reason) => reasons.push(reason));
    await session.whenSynced();
    await until(() => !!readClaim(session.doc, theirs));
    const firstDoc = session.doc;

    updateClaim(session.doc, theirs, { rationale: 'anna overwrote it' });
    await until(() => reasons.length === 1);
    expect(reasons[0]).toBe('you can edit only your own claims');
    await until(() => session.doc !== firstDoc && session.synced);
    expect(readClaim(session.doc, theirs)?.rationale).toBe('admin wrote this');

    const mine = createClaim(session.doc, ref(anna.user), { target, verdict: 'false', rationale: 'anna after the refusal', sources: [] });
    await watcher.until((d) => listClaims(d).some((c) => c.id === mine));
    expect(readClaim(watcher.doc, theirs)?.rationale).toBe('admin wrote this');
    watcher.destroy();
  });

  it('loads its offline copy before connecting, and counts changes made offline until they are sent', async () => {
    const olga = await server.addPerson('olga', 'annotator');
    const admin = await server.signIn('admin', ADMIN_PASSWORD);
    const copies = memoryCopies();

    const first = open(olga.token, { localCopy: copies.factory, user: olga.user });
    await first.whenSynced();
    expect(first.unsent).toBe(0);
    first.provider!.disconnect();
    await until(() => first.status === 'disconnected');
    const id = createClaim(first.doc, { id: olga.user.id, name: olga.user.name }, { target, verdict: 'mixed', rationale: 'written offline', sources: [] });
    expect(first.unsent).toBe(1);
    first.destroy();

    // Reopened (a reload): the claim and the count come back from the copy before any socket exists.
    const second = open(olga.token, { localCopy: copies.factory, user: olga.user });
    expect(second.provider).toBeNull();
    const atLoad: { claim: boolean; unsent: number; provider: boolean }[] = [];
    const stop = second.subscribe(() => {
      if (second.loaded && !atLoad.length) atLoad.push({ claim: !!readClaim(second.doc, id), unsent: second.unsent, provider: !!second.provider });
    });
    await second.whenSynced();
    stop();
    expect(atLoad).toEqual([{ claim: true, unsent: 1, provider: true }]);
    expect(second.unsent).toBe(0);

    const watcher = connectCollab(server.url, DOC, admin.token);
    await watcher.until((d) => readClaim(d, id)?.rationale === 'written offline');
    watcher.destroy();
  });

  it("after a rejection, clears the offline copy and re-applies the person's other pending changes", async () => {
    const pia = await server.addPerson('pia', 'annotator');
    const admin = await server.signIn('admin', ADMIN_PASSWORD);
    const watcher = connectCollab(server.url, DOC, admin.token);
    await watcher.synced();
    const theirs = createClaim(watcher.doc, ref(admin.user), { target, verdict: 'true', rationale: 'the admin’s own words', sources: [] });
    const copies = memoryCopies();

    const session = open(pia.token, { localCopy: copies.factory, user: pia.user });
    const reasons: string[] = [];
    session.onRejected((reason) => reasons.push(reason));
    await session.whenSynced();
    await until(() => !!readClaim(session.doc, theirs));

    // Offline: two claims of her own, and an edit of the admin's claim that the server refuses.
    session.provider!.disconnect();
    await until(() => session.status === 'disconnected');
    createClaim(session.doc, ref(pia.user), { target, verdict: 'false', rationale: 'pia one', sources: [] });
    updateClaim(session.doc, theirs, { rationale: 'pia overwrote it' });
    createClaim(session.doc, ref(pia.user), { target, verdict: 'mixed', rationale: 'pia two', sources: [] });
    expect(session.unsent).toBe(3);
    const firstDoc = session.doc;
    session.provider!.connect();

    await until(() => reasons.length >= 2 && session.doc !== firstDoc && session.synced);
    expect(reasons[0]).toBe('you can edit only your own claims');
    expect(reasons[1]).toBe('your edit of the claim on “UN” (you can edit only your own claims)');
    expect(copies.clears).toBe(1);

    const piasClaims = (doc: typeof watcher.doc) => listClaims(doc).filter((c) => c.author.id === pia.user.id).map((c) => c.rationale).sort();
    await watcher.until((d) => piasClaims(d).length === 2);
    expect(piasClaims(watcher.doc)).toEqual(['pia one', 'pia two']);
    expect(readClaim(watcher.doc, theirs)?.rationale).toBe('the admin’s own words');
    // The refused change is gone from the offline copy too.
    await until(() => piasClaims(copies.saved(DOC)).length === 2);
    expect(readClaim(copies.saved(DOC), theirs)?.rationale).toBe('the admin’s own words');
    await until(() => session.unsent === 0);
    watcher.destroy();
  });

  it('drops a re-applied change that the server refuses a second time, instead of trying forever', async () => {
    // The server knows Vera as a viewer; this client wrongly believes she may annotate, so its
    // own rules let the change through and only the server refuses it — twice.
    const vera = await server.addPerson('vera', 'viewer');
    const believed: Actor = { ...vera.user, role: 'annotator' };
    const session = open(vera.token, { localCopy: memoryCopies().factory, user: believed });
    const reasons: string[] = [];
    session.onRejected((reason) => reasons.push(reason));
    await session.whenSynced();

    createClaim(session.doc, ref(vera.user), { target, verdict: 'true', rationale: 'vera tries', sources: [] });
    await until(() => reasons.length === 3 && session.synced);
    expect(reasons[0]).toMatch(/^viewers cannot change/);
    expect(reasons.slice(1)).toEqual([reasons[0], 'your new claim on “UN” (the server refused it again)']);
    // Settled: no further rounds, and her doc holds the server's state only.
    await new Promise((r) => setTimeout(r, 300));
    expect(reasons).toHaveLength(3);
    expect(listClaims(session.doc).some((c) => c.rationale === 'vera tries')).toBe(false);
  });
});
