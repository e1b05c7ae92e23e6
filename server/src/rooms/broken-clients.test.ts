/**
 * What the server does with each kind of broken message, one by one: unreadable frames close
 * only their own socket (4400); an update that builds on data the server lacks is refused
 * with a "rejected" message and the socket stays open. In no case is anything stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { createClaim, listClaims } from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { CLOSE, MESSAGE_REJECTED } from './protocol.js';

const DOC = 'us-russia-un-resolution';
const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
let server: ServerUnderTest | undefined;
const clients: CollabClient[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const c of clients.splice(0)) c.destroy();
  await server?.dispose();
  server = undefined;
});

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw socket and collects the reasons of the rejections it receives. */
async function rawSocket(token: string): Promise<{ ws: WebSocket; rejections: string[]; closed: Promise<number> }> {
  const ws = new WebSocket(`${server!.url.replace('http', 'ws')}/collab/${DOC}?token=${token}`);
  sockets.push(ws);
  const rejections: string[] = [];
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === MESSAGE_REJECTED) rejections.push(decoding.readVarString(decoder));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, rejections, closed };
}

/** A claim made on a copy of the room's doc, as the update a client would send. */
function claimUpdate(base: Y.Doc, author: { id: string; name: string }): Uint8Array {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(local);
  createClaim(local, author, { target, verdict: 'true', rationale: 'forged', sources: [] });
  return Y.encodeStateAsUpdate(local, before);
}

describe('broken messages', () => {
  it.each([
    ['a text frame', 'text'],
    ['an unknown message type', new Uint8Array([42, 0])],
    ['an unknown sync step', new Uint8Array([0, 9, 0])],
    ['a truncated update', 'truncated'],
    ['garbled awareness', new Uint8Array([1, 5, 1, 7, 1, 3, 123, 120, 125])],
  ])('closes the socket that sends %s with 4400, stores nothing, and the room carries on', async (_label, frame) => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const good = connectCollab(server.url, DOC, anna.token);
    const other = connectCollab(server.url, DOC, anna.token);
    clients.push(good, other);
    await Promise.all([good.synced(), other.synced()]);
    const stored = server.updateCount(DOC);

    const bad = await rawSocket(anna.token);
    if (frame === 'text') bad.ws.send('hello');
    else if (frame === 'truncated') {
      const update = claimUpdate(good.doc, anna.user);
      bad.ws.send(syncMessage(2, update.slice(0, Math.floor(update.length / 2))));
    } else bad.ws.send(frame);
    expect(await bad.closed).toBe(CLOSE.malformed);
    expect(server.updateCount(DOC)).toBe(stored);

    const id = createClaim(good.doc, anna.user, { target, verdict: 'true', rationale: 'carry on', sources: [] });
    await other.until((d) => listClaims(d).some((c) => c.id === id));
  });

  it('holds an update that builds on a change not received yet, and takes both once it arrives', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const good = connectCollab(server.url, DOC, anna.token);
    clients.push(good);
    await good.synced();
    const stored = server.updateCount(DOC);

    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(good.doc));
    const start = Y.encodeStateVector(local);
    createClaim(local, anna.user, { target, verdict: 'true', rationale: 'made offline', sources: [] });
    const before = Y.encodeStateVector(local);
    createClaim(local, anna.user, { target, verdict: 'true', rationale: 'builds on it', sources: [] });
    const bad = await rawSocket(anna.token);
    bad.ws.send(syncMessage(2, Y.encodeStateAsUpdate(local, before)));
    await new Promise((r) => setTimeout(r, 300));
    expect(bad.rejections).toEqual([]);
    expect(bad.ws.readyState).toBe(WebSocket.OPEN);
    expect(server.updateCount(DOC)).toBe(stored);

    // The reconnecting client's sync step 2 brings the offline change: both are taken, in order.
    bad.ws.send(syncMessage(1, Y.encodeStateAsUpdate(local, start)));
    await good.until((d) => listClaims(d).length === 2);
    expect(listClaims(good.doc).map((c) => c.rationale).sort()).toEqual(['builds on it', 'made offline']);
    expect(bad.rejections).toEqual([]);
  });

  it("refuses a viewer's update that only takes up clocks (a garbage-collected range)", async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const vera = await server.addPerson('vera', 'viewer');
    const good = connectCollab(server.url, DOC, anna.token);
    clients.push(good);
    await good.synced();
    const stored = server.updateCount(DOC);

    // A garbage-collected range of 5 clocks under a fresh client id, as Yjs writes one (format v1).
    const gc = encoding.createEncoder();
    for (const n of [1, 1, 424242, 0, 0, 5, 0]) encoding.writeVarUint(gc, n); // clients, structs, client, clock, GC, length, no deletions
    const update = encoding.toUint8Array(gc);
    expect(Y.decodeUpdate(update).structs.map((s) => [s.constructor.name, s.length])).toEqual([['GC', 5]]);

    const bad = await rawSocket(vera.token);
    bad.ws.send(syncMessage(2, update));
    await new Promise((r) => setTimeout(r, 300));
    expect(bad.rejections).toEqual(['viewers cannot change the article']);
    expect(server.updateCount(DOC)).toBe(stored);
  });

  it("refuses a garbage-collected range under another person's client id, so their next change is not swallowed", async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const otto = await server.addPerson('otto', 'annotator');
    const first = connectCollab(server.url, DOC, anna.token);
    const second = connectCollab(server.url, DOC, anna.token);
    clients.push(first, second);
    await Promise.all([first.synced(), second.synced()]);
    createClaim(first.doc, anna.user, { target, verdict: 'true', rationale: 'first', sources: [] });
    await second.until((d) => listClaims(d).length === 1);

    const gc = encoding.createEncoder();
    for (const n of [1, 1, first.doc.clientID, Y.getState(first.doc.store, first.doc.clientID), 0, 50, 0]) encoding.writeVarUint(gc, n);
    const bad = await rawSocket(otto.token);
    bad.ws.send(syncMessage(2, encoding.toUint8Array(gc)));
    await new Promise((r) => setTimeout(r, 300));
    expect(bad.rejections).toEqual([expect.stringMatching(/another person's session/)]);

    const id = createClaim(first.doc, anna.user, { target, verdict: 'true', rationale: 'second', sources: [] });
    await second.until((d) => listClaims(d).some((c) => c.id === id));
  });
});
