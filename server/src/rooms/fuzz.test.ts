/**
 * A broken client never hurts the others: 10,000 truncated, mutated and random frames, made
 * from valid messages, hit a room from several sockets signed in as a viewer while two
 * annotators work in it. The server stays up, the annotators keep syncing, nothing the
 * fuzzers sent is stored, and memory comes back down. FUZZ_SEED=<n> replays a run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createClaim, listClaims } from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { fuzzFrames, seededRandom, validMessages } from '../testing/fuzz-frames.js';

const DOC = 'us-russia-un-resolution';
const FRAMES = 10_000;
const FUZZERS = 4;
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };

let server: ServerUnderTest | undefined;
const clients: CollabClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.dispose();
  server = undefined;
});

/** A real collection of garbage, when V8 lets us ask for one. */
function collectGarbage(): boolean {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
  gc?.();
  return gc !== null;
}

async function openSocket(url: string): Promise<WebSocket> {
  for (;;) {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    const opened = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('close', () => resolve(false));
    });
    if (opened) return ws;
  }
}

/** Resolves once the server has handled everything sent so far (it answers our ping) or closed us. */
function handled(ws: WebSocket): Promise<void> {
  if (ws.readyState !== WebSocket.OPEN) {
    return ws.readyState === WebSocket.CLOSED ? Promise.resolve() : new Promise((r) => ws.once('close', () => r()));
  }
  return new Promise((resolve) => {
    const done = () => {
      ws.off('pong', done);
      ws.off('close', done);
      resolve();
    };
    ws.on('pong', done);
    ws.on('close', done);
    ws.ping();
  });
}

/** Sends each frame on a socket of its own fuzzer, reconnecting whenever the server closes it. */
async function fuzz(url: string, frames: Uint8Array[]): Promise<{ closes: Map<number, number> }> {
  const closes = new Map<number, number>();
  await Promise.all(
    Array.from({ length: FUZZERS }, async (_, f) => {
      let ws: WebSocket | undefined;
      for (let i = f; i < frames.length; i += FUZZERS) {
        if (!ws || ws.readyState !== WebSocket.OPEN) {
          ws = await openSocket(url);
          ws.once('close', (code) => closes.set(code, (closes.get(code) ?? 0) + 1));
        }
        ws.send(frames[i]);
        await handled(ws);
      }
      ws?.terminate();
    }),
  );
  return { closes };
}

describe('a room under fuzzed frames', () => {
  it('stays up, keeps its well-behaved clients in sync, stores nothing from the fuzzers, and gives its memory back', async () => {
    server = await startServerUnderTest();
    const anna = await server.addPerson('anna', 'annotator');
    const otto = await server.addPerson('otto', 'annotator');
    const vera = await server.addPerson('vera', 'viewer');
    const first = connectCollab(server.url, DOC, anna.token);
    const second = connectCollab(server.url, DOC, otto.token);
    clients.push(first, second);
    await Promise.all([first.synced(), second.synced()]);
    const good: string[] = [createClaim(first.doc, anna.user, { target, verdict: 'true', rationale: 'before', sources: [] })];
    await second.until((d) => listClaims(d).length === 1);

    const gcExposed = collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    const storedBefore = server.updateCount(DOC);

    const frames = fuzzFrames(validMessages(first.doc, vera.user), FRAMES, seededRandom(SEED));
    const writer = setInterval(() => {
      const [doc, who] = good.length % 2 ? [second.doc, otto.user] : [first.doc, anna.user];
      good.push(createClaim(doc, who, { target, verdict: 'mixed', rationale: `during ${good.length}`, sources: [] }));
    }, 250);
    const started = performance.now();
    let closes: Map<number, number>;
    try {
      ({ closes } = await fuzz(`${server.url.replace('http', 'ws')}/collab/${DOC}?token=${vera.token}`, frames));
    } finally {
      clearInterval(writer);
    }
    const ms = performance.now() - started;
    console.log(`seed ${SEED}: ${FRAMES} frames in ${ms.toFixed(0)} ms; closes by code: ${JSON.stringify([...closes])}`);

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    good.push(createClaim(second.doc, otto.user, { target, verdict: 'false', rationale: 'after', sources: [] }));
    await first.until((d) => good.every((id) => listClaims(d).some((c) => c.id === id)));
    await second.until((d) => good.every((id) => listClaims(d).some((c) => c.id === id)));
    expect(first.rejections).toEqual([]);
    expect(second.rejections).toEqual([]);

    // Only the annotators' claims were stored: each as sent and the server's stamp of it; every stored row decodes.
    expect(server.updateCount(DOC) - storedBefore).toBe(2 * (good.length - 1));
    for (const update of server.storedUpdates(DOC)) expect(() => Y.decodeUpdate(update)).not.toThrow();

    await new Promise((r) => setTimeout(r, 200)); // the fuzzers' last sockets are gone
    collectGarbage();
    const grown = (process.memoryUsage().heapUsed - baseline) / 2 ** 20;
    console.log(`heap after the fuzz: ${grown.toFixed(1)} MiB over the baseline (gc ${gcExposed ? 'forced' : 'not exposed'})`);
    expect(grown).toBeLessThan(gcExposed ? 20 : 150);

    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const reader = connectCollab(server.url, DOC, anna.token);
    clients.push(reader);
    await reader.synced();
    expect(listClaims(reader.doc).map((c) => c.id).sort()).toEqual([...good].sort());
  }, 60_000);
});
