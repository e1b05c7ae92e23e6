/**
 * Presence budgets against the real server: a viewer's flood of awareness messages costs the
 * room a bounded amount of relaying, and honest presence keeps flowing through it; one client
 * id per connection; an oversized state is refused once; an unreadable state closes 4400.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_REJECTED, MESSAGE_SYNC } from './protocol.js';

const DOC = 'us-russia-un-resolution';
let server: ServerUnderTest | undefined;
const sockets: WebSocket[] = [];
const clients: CollabClient[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const c of clients.splice(0)) c.destroy();
  await server?.dispose();
  server = undefined;
});

interface Entry {
  clientId: number;
  clock: number;
  state: { user?: { name?: string }; selection?: { start: number; end: number } | null } | null;
}

/** A raw socket that keeps what it receives: presence decoded, its byte count, rejections, sync answers. */
async function presenceSocket(token: string) {
  const ws = new WebSocket(`${server!.url.replace('http', 'ws')}/collab/${DOC}?token=${token}`);
  sockets.push(ws);
  ws.on('error', () => {});
  const seen = { entries: [] as Entry[], presenceBytes: 0, rejections: [] as string[], syncAnswers: 0 };
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_REJECTED) seen.rejections.push(decoding.readVarString(decoder));
    if (type === MESSAGE_SYNC && decoding.readVarUint(decoder) === 1) seen.syncAnswers++;
    if (type !== MESSAGE_AWARENESS) return;
    seen.presenceBytes += data.byteLength;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      seen.entries.push({
        clientId: decoding.readVarUint(update),
        clock: decoding.readVarUint(update),
        state: JSON.parse(decoding.readVarString(update)) as Entry['state'],
      });
    }
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, seen, closed };
}

/** An awareness message holding `entries` as they are, `json` unchecked. */
function awarenessMessage(entries: [clientId: number, clock: number, json: string][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, json);
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const stateOf = (clientId: number, clock: number, state: unknown) => awarenessMessage([[clientId, clock, JSON.stringify(state)]]);

/**
 * Just under the 1 MiB message limit: a state for the sender's own client id, then tiny states
 * for new client ids, the cheapest bytes to send for the most states to stamp and relay.
 */
function floodMessage(clock: number): Uint8Array {
  const entries: [number, number, string][] = [[1_000, clock, '{}']];
  let bytes = 0;
  for (let id = clock * 1_000_000; bytes < 1024 * 1024 - 64; id++) {
    entries.push([id, 1, '{}']);
    bytes += 9;
  }
  return awarenessMessage(entries);
}

/** Sync step 1 with an empty state vector: answered (step 2) only after what came before it on that socket. */
const syncStep1 = () => new Uint8Array([MESSAGE_SYNC, 0, 1, 0]);

async function healthy(): Promise<number> {
  try {
    return (await fetch(`${server!.url}/healthz`, { signal: AbortSignal.timeout(1_000) })).status;
  } catch {
    return 0;
  }
}

describe('presence budgets', () => {
  it("relays little of a viewer's flood, keeps relaying honest presence, and keeps answering /healthz", { timeout: 120_000 }, async () => {
    server = await startServerUnderTest();
    const vera = await server.addPerson('vera', 'viewer', 'Vera Flood');
    const anna = await server.addPerson('anna', 'annotator', 'Anna Lind');
    const watchers = await Promise.all(['otto', 'paul', 'rita'].map(async (login) => presenceSocket((await server!.addPerson(login, 'annotator')).token)));
    const flood = await presenceSocket(vera.token);

    for (let clock = 1; clock <= 5; clock++) flood.ws.send(floodMessage(clock));
    flood.ws.send(syncStep1());
    await expect.poll(healthy, { timeout: 10_000, interval: 50 }).toBe(200);
    await expect.poll(() => flood.seen.syncAnswers, { timeout: 60_000 }).toBeGreaterThan(0);

    // Taken after the flood (presence is taken in the order it arrives), so once every watcher
    // has Anna's selection, whatever the flood caused has reached them.
    const honest = connectCollab(server.url, DOC, anna.token);
    clients.push(honest);
    honest.provider.awareness.setLocalState({ selection: { start: 4, end: 9 }, editing: null });
    const annaSeen = (w: (typeof watchers)[number]) => w.seen.entries.some((e) => e.clientId === honest.provider.awareness.clientID && e.state?.selection?.start === 4);
    await expect.poll(() => watchers.every(annaSeen), { timeout: 60_000 }).toBe(true);

    const relayed = watchers.reduce((sum, w) => sum + w.seen.presenceBytes, 0);
    expect(relayed).toBeLessThan(100_000);
    for (const w of watchers) {
      expect(w.seen.entries.find((e) => e.clientId === honest.provider.awareness.clientID)?.state?.user?.name).toBe('Anna Lind');
    }
    expect(await healthy()).toBe(200);
  });

  it('takes one client id per connection: the first it sends that is nobody else\'s', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator', 'Anna Lind');
    const bert = await server.addPerson('bert', 'annotator', 'Bert Holm');
    const watcher = await presenceSocket((await server.addPerson('otto', 'annotator')).token);
    const annas = await presenceSocket(anna.token);
    const berts = await presenceSocket(bert.token);

    annas.ws.send(stateOf(7, 1, { selection: { start: 1, end: 2 } }));
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === 7)).toBe(true);
    annas.ws.send(stateOf(8, 1, { selection: { start: 3, end: 4 } })); // a second id of hers
    berts.ws.send(stateOf(7, 9, { selection: { start: 5, end: 6 } })); // hers, from him
    berts.ws.send(stateOf(20, 1, { selection: { start: 7, end: 8 } })); // his own
    annas.ws.send(awarenessMessage([[7, 2, JSON.stringify({ selection: { start: 9, end: 10 } })], [8, 2, 'null']]));
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === 7 && e.clock === 2)).toBe(true);
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === 20)).toBe(true);

    const relayed = watcher.seen.entries.map((e) => `${e.clientId}@${e.clock} ${e.state?.user?.name}`);
    expect(relayed.sort()).toEqual(['20@1 Bert Holm', '7@1 Anna Lind', '7@2 Anna Lind']);
  });

  it("does not take a departed peer's client id from someone else, and gives it back to a client that reconnects", async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator', 'Anna Lind');
    const bert = await server.addPerson('bert', 'annotator', 'Bert Holm');
    const watcher = await presenceSocket((await server.addPerson('otto', 'annotator')).token);

    const honest = connectCollab(server.url, DOC, anna.token);
    clients.push(honest);
    const annaId = honest.provider.awareness.clientID;
    honest.provider.awareness.setLocalState({ selection: { start: 1, end: 2 }, editing: null });
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === annaId)).toBe(true);
    honest.provider.disconnect();
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === annaId && e.state === null)).toBe(true);

    // A late echo of her presence (y-websocket re-sends what it hears) is not Bert's to take.
    const berts = await presenceSocket(bert.token);
    berts.ws.send(stateOf(annaId, 50, { selection: { start: 3, end: 4 } }));
    berts.ws.send(stateOf(20, 1, { selection: { start: 5, end: 6 } }));
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === 20)).toBe(true);
    expect(watcher.seen.entries.some((e) => e.clientId === annaId && e.clock === 50)).toBe(false);

    honest.provider.connect();
    honest.provider.awareness.setLocalState({ selection: { start: 7, end: 8 }, editing: null });
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === annaId && e.state?.selection?.start === 7)).toBe(true);
    expect(watcher.seen.entries.find((e) => e.clientId === annaId && e.state?.selection?.start === 7)?.state?.user?.name).toBe('Anna Lind');
  });

  it('drops a presence state over 8 KiB and says so once; the connection stays and its next state is relayed', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator', 'Anna Lind');
    const watcher = await presenceSocket((await server.addPerson('otto', 'annotator')).token);
    const sender = await presenceSocket(anna.token);

    const big = { selection: { start: 1, end: 2 }, note: 'x'.repeat(8 * 1024) };
    sender.ws.send(stateOf(7, 1, big));
    sender.ws.send(stateOf(7, 2, big));
    sender.ws.send(stateOf(7, 3, { selection: { start: 3, end: 4 } }));
    await expect.poll(() => watcher.seen.entries.some((e) => e.clientId === 7)).toBe(true);

    expect(sender.seen.rejections).toEqual([expect.stringMatching(/presence.*too large/)]);
    expect(watcher.seen.entries.map((e) => [e.clientId, e.clock])).toEqual([[7, 3]]);
    expect(sender.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes with 4400 a connection whose presence state is not JSON', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const watcher = await presenceSocket((await server.addPerson('otto', 'annotator')).token);
    const sender = await presenceSocket(anna.token);
    sender.ws.send(awarenessMessage([[7, 1, '{"selection": ']]));
    expect(await sender.closed).toBe(CLOSE.malformed);
    expect(watcher.seen.entries).toEqual([]);
  });
});
