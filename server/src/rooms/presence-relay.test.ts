/**
 * Presence that arrives together leaves together: the renewals a room takes in one slice are
 * relayed to each peer as one awareness message, each state stamped with its sender's name.
 * Clients that connected together renew together (every 15 s), so a room of five relayed
 * twenty-five messages per renewal where it now relays five.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { until } from '../testing/room-harness.js';
import { MESSAGE_AWARENESS } from './protocol.js';

const DOC = 'us-russia-un-resolution';
let server: ServerUnderTest | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.dispose();
  server = undefined;
});

interface Relayed {
  clientId: number;
  clock: number;
  state: { user?: { name?: string }; selection?: unknown } | null;
}

/** A raw socket that keeps each awareness message it receives, decoded. */
async function presenceSocket(token: string): Promise<{ ws: WebSocket; messages: Relayed[][] }> {
  const ws = new WebSocket(`${server!.url.replace('http', 'ws')}/collab/${DOC}?token=${token}`);
  sockets.push(ws);
  const messages: Relayed[][] = [];
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const entries = Array.from({ length: decoding.readVarUint(update) }, () => ({
      clientId: decoding.readVarUint(update),
      clock: decoding.readVarUint(update),
      state: JSON.parse(decoding.readVarString(update)) as Relayed['state'],
    }));
    messages.push(entries);
  });
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, messages };
}

function presenceMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

describe('relaying presence', () => {
  it('relays the presence taken in one turn as one message to each peer, each state stamped', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator', 'Anna Lind');
    const otto = await server.addPerson('otto', 'annotator', 'Otto Berg');
    const ids = [101, 102, 103];
    const senders = await Promise.all(ids.map(() => presenceSocket(anna.token))); // three tabs, one client id each
    const watcher = await presenceSocket(otto.token);
    const byId = (entries: Relayed[]) => [...entries].sort((a, b) => a.clientId - b.clientId);

    // Written in one tick, read by the in-process server in one turn.
    senders.forEach((sender, i) => sender.ws.send(presenceMessage(ids[i], 1, { selection: { start: ids[i], end: ids[i] + 2 }, user: { name: 'Someone Else' } })));
    const seen = () => new Set(watcher.messages.flat().map((entry) => entry.clientId));
    await until(() => ids.every((id) => seen().has(id)));

    expect(watcher.messages).toHaveLength(1);
    expect(byId(watcher.messages[0]).map((entry) => entry.clientId)).toEqual(ids);
    for (const { clientId, clock, state } of watcher.messages[0]) {
      expect(clock).toBe(1);
      expect(state).toEqual({ user: expect.objectContaining({ name: 'Anna Lind' }), selection: { start: clientId, end: clientId + 2 }, editing: null });
    }
    for (const sender of senders) expect(sender.messages).toEqual(watcher.messages); // each sender hears its own, as y-websocket servers do

    // Leaving presence (a null state) is relayed the same way, and the room forgets it.
    senders[0].ws.send(presenceMessage(101, 2, null));
    senders[1].ws.send(presenceMessage(102, 2, null));
    await until(() => watcher.messages.length === 2);
    expect(byId(watcher.messages[1])).toEqual([
      { clientId: 101, clock: 2, state: null },
      { clientId: 102, clock: 2, state: null },
    ]);
  });
});
