/**
 * A room that has not loaded its article yet sends a new client the stored state as it is on
 * disk, before decoding it, and afterwards sends that client only what is newer — never the
 * whole article twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { createClaim, listClaims } from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab } from '../testing/collab-client.js';
import { MESSAGE_SYNC } from './protocol.js';

const DOC = 'us-russia-un-resolution';
let server: ServerUnderTest | undefined;

afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

interface SyncFrame {
  type: number;
  bytes: number;
  payload: Uint8Array;
}

/** A raw socket that records every sync message (type, size) it receives. */
function rawClient(url: string, token: string) {
  const frames: SyncFrame[] = [];
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/collab/${DOC}?token=${token}`);
  ws.binaryType = 'nodebuffer';
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    const payload = type === syncProtocol.messageYjsSyncStep1 ? new Uint8Array() : decoding.readVarUint8Array(decoder);
    frames.push({ type, bytes: data.byteLength, payload });
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const until = async (predicate: () => boolean, ms = 5_000) => {
    const end = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { ws, frames, opened, until };
}

describe('a room that has not loaded its article yet', () => {
  it('sends the stored state first, then only what is newer', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const writer = connectCollab(server.url, DOC, anna.token);
    await writer.synced();
    const target = { version: 1, quote: { exact: 'surprising turn', prefix: '', suffix: '' }, position: { start: 10, end: 25 } };
    for (let i = 0; i < 100; i++) createClaim(writer.doc, { id: anna.user.id, name: anna.user.name }, { target, verdict: 'mixed', rationale: `claim ${i}`, sources: [] });
    const peer = connectCollab(server.url, DOC, anna.token);
    await peer.until((doc) => listClaims(doc).length === 100);
    writer.destroy();
    peer.destroy();
    server = await server.restart();

    const client = rawClient(server.url, anna.token);
    await client.opened;
    await client.until(() => client.frames.some((f) => f.type === syncProtocol.messageYjsSyncStep2));
    // Unasked, before the client said what it has: the whole stored article with its claims.
    const doc = new Y.Doc();
    for (const frame of client.frames) if (frame.type !== syncProtocol.messageYjsSyncStep1) Y.applyUpdate(doc, frame.payload);
    expect(listClaims(doc)).toHaveLength(100);
    const storedBytes = client.frames.reduce((n, f) => n + f.bytes, 0);

    // The client now asks with an empty state vector, as a fresh y-websocket client does on open.
    const received = client.frames.length;
    const ask = encoding.createEncoder();
    encoding.writeVarUint(ask, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(ask, new Y.Doc());
    client.ws.send(encoding.toUint8Array(ask));
    await client.until(() => client.frames.slice(received).some((f) => f.type === syncProtocol.messageYjsSyncStep2));
    const answer = client.frames.slice(received).find((f) => f.type === syncProtocol.messageYjsSyncStep2)!;
    expect(storedBytes).toBeGreaterThan(20_000);
    expect(answer.bytes).toBeLessThan(100); // nothing is newer than what it was sent
    // And the server did load the doc: it asked the client what it has (sync step 1).
    await client.until(() => client.frames.some((f) => f.type === syncProtocol.messageYjsSyncStep1));
    client.ws.close();
  });
});
