/**
 * The websocket limits, each against the real server: a flood of messages, too many sockets
 * from one address, a peer that stops answering pings, and a message over the size limit.
 * Each one ends only the offending connection, with its own close code or status.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { createClaim, listClaims } from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { CLOSE, MESSAGE_QUERY_AWARENESS } from './protocol.js';
import type { RoomLimits } from './types.js';

const DOC = 'us-russia-un-resolution';
const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
let server: ServerUnderTest | undefined;
const sockets: WebSocket[] = [];
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const c of clients.splice(0)) c.destroy();
  await server?.dispose();
  server = undefined;
});

async function start(limits?: RoomLimits): Promise<{ url: string; token: string; user: { id: string; name: string } }> {
  server = await startServerUnderTest(undefined, { roomLimits: limits });
  const anna = await server.addPerson('anna', 'annotator');
  return { url: server.url, token: anna.token, user: anna.user };
}

/** A raw socket on the room; resolves once it is open. */
async function rawSocket(url: string, token: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/collab/${DOC}?token=${token}`, options);
  sockets.push(ws);
  ws.on('error', () => {});
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
  });
  return ws;
}

const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

function queryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS);
  return encoding.toUint8Array(encoder);
}

describe('websocket limits', () => {
  it('closes a connection that sends more than its burst of messages with 4429, and the room carries on', async () => {
    const { url, token, user } = await start();
    const good = connectCollab(url, DOC, token);
    const other = connectCollab(url, DOC, token);
    clients.push(good, other);
    await Promise.all([good.synced(), other.synced()]);

    const flood = await rawSocket(url, token);
    const closed = closeCode(flood);
    for (let i = 0; i < 400; i++) flood.send(queryAwareness());
    expect(await closed).toBe(CLOSE.rateLimited);

    const id = createClaim(good.doc, user, { target, verdict: 'true', rationale: 'after the flood', sources: [] });
    await other.until((d) => listClaims(d).some((c) => c.id === id));
  });

  it('lets a connection send steadily below its rate', async () => {
    const { url, token } = await start({ messageBurst: 10, messagesPerSecond: 100 });
    const ws = await rawSocket(url, token);
    let closed = false;
    ws.once('close', () => (closed = true));
    for (let i = 0; i < 40; i++) {
      ws.send(queryAwareness());
      await new Promise((r) => setTimeout(r, 20)); // 50 a second
    }
    expect(closed).toBe(false);
  });

  it('answers 429 to one socket too many from the same address, before accepting it', async () => {
    const { url, token } = await start({ connectionsPerAddress: 3 });
    const open = await Promise.all([1, 2, 3].map(() => rawSocket(url, token)));
    const refused = new WebSocket(`${url.replace('http', 'ws')}/collab/${DOC}?token=${token}`);
    sockets.push(refused);
    refused.on('error', () => {});
    const answer = await new Promise<{ status: number; body: string }>((resolve) => {
      refused.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      refused.once('open', () => resolve({ status: 101, body: '' }));
    });
    expect(answer.status).toBe(429);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/too many/i) });

    const closing = closeCode(open[0]);
    open[0].close();
    await closing;
    await new Promise((r) => setTimeout(r, 50)); // the server sees the close
    await rawSocket(url, token); // a freed slot is usable again
  });

  it('drops a peer that never answers a ping, and keeps one that does', async () => {
    const { url, token } = await start({ pingIntervalMs: 100 });
    const silent = await rawSocket(url, token, { autoPong: false });
    const lively = await rawSocket(url, token);
    const started = Date.now();
    expect(await closeCode(silent)).toBe(1006); // terminated: no closing handshake with a dead peer
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lively.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a connection whose message is over 1 MiB with 1009', async () => {
    const { url, token } = await start();
    const ws = await rawSocket(url, token);
    const closed = closeCode(ws);
    ws.send(new Uint8Array(1024 * 1024 + 1));
    expect(await closed).toBe(CLOSE.tooBig);
  });
});
