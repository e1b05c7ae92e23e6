/**
 * The walking skeleton on real parts: the in-process server, real y-websocket clients, a
 * real SQLite file. A claim made on one client reaches the others, survives a restart, and
 * a restart does not import the seed again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { createClaim, listClaims, readArticleVersion, readMeta, type Actor } from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';

const DOC = 'us-russia-un-resolution';
const open: CollabClient[] = [];
let server: ServerUnderTest | undefined;

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  await server?.dispose();
  server = undefined;
});

function connect(url: string, token: string): CollabClient {
  const client = connectCollab(url, DOC, token);
  open.push(client);
  return client;
}

const target = { version: 1, quote: { exact: 'surprising turn', prefix: '', suffix: '' }, position: { start: 10, end: 25 } };
const ref = (a: Actor) => ({ id: a.id, name: a.name });

describe('collaboration on an article', () => {
  it('delivers a claim from one client to another, and to a third after a restart', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const otto = await server.addPerson('otto', 'annotator');
    const first = connect(server.url, anna.token);
    const second = connect(server.url, otto.token);
    await Promise.all([first.synced(), second.synced()]);
    expect(readMeta(first.doc).title).toMatch(/^U\.S\. and Russia unite/);
    expect(readArticleVersion(first.doc)?.doc.type).toBe('doc');

    const id = createClaim(first.doc, ref(anna.user), { target, verdict: 'mixed', rationale: 'Partly.', sources: [{ url: 'https://example.org/a', title: 'A' }] });
    await second.until((d) => listClaims(d).some((c) => c.id === id));
    expect(listClaims(second.doc)[0]).toMatchObject({ id, verdict: 'mixed', author: { name: 'Anna' } });

    for (const c of open.splice(0)) c.destroy();
    server = await server.restart();
    const third = connect(server.url, otto.token);
    await third.synced();
    await third.until((d) => listClaims(d).length === 1);
    expect(listClaims(third.doc)[0].rationale).toBe('Partly.');
  });

  it('does not import the seed again on restart', async () => {
    server = await startServerUnderTest();
    const before = server.documentCount();
    const updates = server.updateCount(DOC);
    server = await server.restart();
    expect(server.documentCount()).toBe(before);
    expect(server.updateCount(DOC)).toBe(updates);
    const admin = await server.signIn('admin', (await import('../testing/server-under-test.js')).ADMIN_PASSWORD);
    const client = connect(server.url, admin.token);
    await client.synced();
    expect(client.doc.getMap('article').size).toBe(1);
  });

  it('shows each person in presence under the name the server knows', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator', 'Anna Lind');
    const otto = await server.addPerson('otto', 'annotator', 'Otto Berg');
    const impostor = connect(server.url, anna.token);
    const watcher = connect(server.url, otto.token);
    await Promise.all([impostor.synced(), watcher.synced()]);
    impostor.provider.awareness.setLocalState({ user: { id: otto.user.id, name: 'Otto Berg', color: '#000' }, selection: { start: 3, end: 9 }, editing: null });
    await watcher.until(() => [...watcher.provider.awareness.getStates().values()].some((s) => s.selection?.start === 3));
    const seen = [...watcher.provider.awareness.getStates().values()].find((s) => s.selection?.start === 3);
    expect(seen?.user).toMatchObject({ id: anna.user.id, name: 'Anna Lind' });
  });

  it('relays each change of presence to the others, down to leaving it', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator', 'Anna Lind');
    const otto = await server.addPerson('otto', 'annotator', 'Otto Berg');
    const mover = connect(server.url, anna.token);
    const watcher = connect(server.url, otto.token);
    await Promise.all([mover.synced(), watcher.synced()]);
    const annasState = () => watcher.provider.awareness.getStates().get(mover.provider.awareness.clientID);
    for (const start of [3, 7, 11]) {
      mover.provider.awareness.setLocalState({ selection: { start, end: start + 4 }, editing: null, secret: 'dropped' });
      await watcher.until(() => annasState()?.selection?.start === start);
      expect(annasState()).toEqual({ user: expect.objectContaining({ id: anna.user.id, name: 'Anna Lind' }), selection: { start, end: start + 4 }, editing: null });
    }
    mover.provider.awareness.setLocalState(null);
    await watcher.until(() => annasState() === undefined);
  });

  it('closes a connection that sends an undecodable frame, and the others carry on', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const good = connect(server.url, anna.token);
    const other = connect(server.url, anna.token);
    await Promise.all([good.synced(), other.synced()]);

    const bad = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${DOC}?token=${anna.token}`);
    await new Promise((resolve) => bad.once('open', resolve));
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    const garbage = encoding.createEncoder();
    encoding.writeVarUint(garbage, 0); // sync
    encoding.writeVarUint(garbage, 2); // update
    encoding.writeVarUint8Array(garbage, new Uint8Array([7, 200, 13, 0, 255, 255, 255]));
    bad.send(encoding.toUint8Array(garbage));
    expect(await closed).toBe(4400);

    const id = createClaim(good.doc, ref(anna.user), { target, verdict: 'true', rationale: 'still fine', sources: [] });
    await other.until((d) => listClaims(d).some((c) => c.id === id));
  });

  it('refuses a websocket without a valid token before accepting it', async () => {
    server = await startServerUnderTest();
    for (const suffix of ['', '?token=not-a-token']) {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${DOC}${suffix}`);
      ws.on('error', () => {});
      const status = await new Promise<number>((resolve) => {
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => resolve(101));
      });
      ws.terminate();
      expect(status).toBe(401);
    }
  });
});
