/**
 * The app's own collaboration module (client/src/collab) against the real server, in Node:
 * when the server refuses a change, the session tells its listeners why, drops the change by
 * replacing its doc, and keeps syncing — its later changes arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClaim, listClaims, readClaim, updateClaim, type Actor } from '@factdesk/shared';
import { openArticleSession, type ArticleSession } from '../client/src/collab/index.js';
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

function open(token: string): ArticleSession {
  const session = openArticleSession(DOC, {
    WebSocketPolyfill: WebSocket as never,
    serverUrl: `${server.url.replace('http', 'ws')}/collab`,
    params: { token },
    disableBc: true,
  });
  sessions.push(session);
  return session;
}

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
    const ref = (a: Actor) => ({ id: a.id, name: a.name });
    const watcher = connectCollab(server.url, DOC, admin.token);
    await watcher.synced();
    const theirs = createClaim(watcher.doc, ref(admin.user), { target, verdict: 'true', rationale: 'admin wrote this', sources: [] });

    const session = open(anna.token);
    const reasons: string[] = [];
    session.onRejected((reason) => reasons.push(reason));
    await session.whenSynced();
    await until(() => !!readClaim(session.doc, theirs));
    const firstDoc = session.doc;

    updateClaim(session.doc, theirs, ref(anna.user), { rationale: 'anna overwrote it' });
    await until(() => reasons.length === 1);
    expect(reasons[0]).toBe('you can edit only your own claims');
    await until(() => session.doc !== firstDoc && session.synced);
    expect(readClaim(session.doc, theirs)?.rationale).toBe('admin wrote this');

    const mine = createClaim(session.doc, ref(anna.user), { target, verdict: 'false', rationale: 'anna after the refusal', sources: [] });
    await watcher.until((d) => listClaims(d).some((c) => c.id === mine));
    expect(readClaim(watcher.doc, theirs)?.rationale).toBe('admin wrote this');
    watcher.destroy();
  });
});
