/**
 * Scenario 4, memory: the server's resident memory per loaded article (the seed article with
 * 100 claims) and per idle connection. Many of each are opened and the growth of the RSS,
 * read after a forced full garbage collection (the bench server runs with --expose-gc), is
 * divided by their number: first one socket per article (which opens its room, receives the
 * whole doc and answers with its sync step 2, as a y-websocket client does), then more idle
 * sockets on the same articles. Those sync as a returning client does (their state vector
 * covers the server's, so the answer is empty) and then stay silent: what is measured is what
 * an open connection keeps, not the transient buffers of sending a whole doc, which the
 * allocator keeps in the RSS after they are freed. Last, one claim is written into every
 * article, which wakes its room (its Y.Doc in memory until 30 s after the last write): the
 * growth per article is reported too.
 */
import * as Y from 'yjs';
import type { Actor } from '@factdesk/shared';
import { generateClaimUpdates } from './claim-updates.js';
import { adminToken, BENCH_DOC_PREFIX, connectRaw, startBenchServer, type MemoryUse, type RawConnection } from './harness.js';

export interface MemorySize {
  articles: number;
  claimsPerArticle: number;
  idleSockets: number;
}

export interface MemoryResult extends MemorySize {
  base: MemoryUse;
  /** Bytes of RSS per loaded article (its one socket's share taken off), and per idle socket. */
  perArticleBytes: number;
  perSocketBytes: number;
  /** The same growth split by where it is: V8's heap, and external memory (Buffers). */
  perArticle: MemoryUse;
  perSocket: MemoryUse;
  /** Bytes of RSS per article being written (awake: its Y.Doc in memory). */
  perAwakeArticleBytes: number;
}

const minus = (a: MemoryUse, b: MemoryUse, per: number): MemoryUse => ({
  rss: (a.rss - b.rss) / per,
  heapUsed: (a.heapUsed - b.heapUsed) / per,
  heapTotal: (a.heapTotal - b.heapTotal) / per,
  external: (a.external - b.external) / per,
});

/** Opens a socket per room, 50 at a time; a fresh client's sync, or a returning one's with `stateVectors` of the rooms. */
async function openAll(
  url: string,
  token: string,
  rooms: string[],
  stateVectors?: Map<string, Uint8Array>,
  states?: Map<string, Uint8Array>,
): Promise<RawConnection[]> {
  const open: RawConnection[] = [];
  for (let i = 0; i < rooms.length; i += 50) {
    const names = rooms.slice(i, i + 50);
    const batch = await Promise.all(names.map((room) => connectRaw(url, room, token)));
    await Promise.all(
      batch.map(async (c, j) => {
        const known = stateVectors?.get(names[j]);
        if (known) return c.roundTrip(known);
        const state = await c.fetchState();
        const stateVector = Y.encodeStateVectorFromUpdate(state);
        stateVectors?.set(names[j], stateVector);
        states?.set(names[j], state);
        // Its sync step 2, as a y-websocket client sends it: nothing the server lacks but the
        // delete set, all known to the server, which need not load the doc for it.
        c.sendUpdate(Y.diffUpdate(state, stateVector));
        await c.roundTrip(stateVector);
      }),
    );
    open.push(...batch);
  }
  return open;
}

/** Loads `articles` articles, then opens `idleSockets` more sockets, reading the RSS after a GC at each step. */
export async function measureMemory(size: MemorySize): Promise<MemoryResult> {
  const server = await startBenchServer('checked', { rooms: size.articles, claims: size.claimsPerArticle, gc: true });
  const open: RawConnection[] = [];
  try {
    const token = await adminToken(server.url);
    const rooms = Array.from({ length: size.articles }, (_, i) => `${BENCH_DOC_PREFIX}${i}`);
    // Warm-up: as many sockets as will be measured, opened and closed on another article, so
    // V8's young generation and the allocator have grown to their working size before the
    // baseline (otherwise that growth, tens of MB, is charged to the first sockets measured).
    const warmUp = await openAll(server.url, token, Array.from({ length: size.idleSockets }, () => 'us-russia-un-resolution'));
    for (const c of warmUp) c.close();
    await new Promise((r) => setTimeout(r, 500));
    open.push(...(await openAll(server.url, token, ['us-russia-un-resolution'])));
    const base = await server.memoryAfterGc();
    const stateVectors = new Map<string, Uint8Array>();
    const states = new Map<string, Uint8Array>();
    const firsts = await openAll(server.url, token, rooms, stateVectors, states);
    open.push(...firsts);
    const withArticles = await server.memoryAfterGc();
    const idle = Array.from({ length: size.idleSockets }, (_, i) => rooms[i % rooms.length]);
    open.push(...(await openAll(server.url, token, idle, stateVectors)));
    const withSockets = await server.memoryAfterGc();
    const me = ((await (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: Actor }).user;
    await Promise.all(
      firsts.map((c, i) => {
        const updates = generateClaimUpdates(states.get(rooms[i])!, me, 2, `wake ${i}`); // a claim, then its rationale
        for (const update of updates) c.sendUpdate(update);
        return c.roundTrip(Y.encodeStateVectorFromUpdate(Y.mergeUpdates([states.get(rooms[i])!, ...updates])));
      }),
    );
    const withAwake = await server.memoryAfterGc();
    const perSocket = minus(withSockets, withArticles, size.idleSockets);
    const articlesAndSockets = minus(withArticles, base, size.articles);
    const perArticle = minus(articlesAndSockets, perSocket, 1);
    const perAwakeArticleBytes = (withAwake.rss - withSockets.rss) / size.articles;
    return { ...size, base, perArticleBytes: perArticle.rss, perSocketBytes: perSocket.rss, perArticle, perSocket, perAwakeArticleBytes };
  } finally {
    for (const c of open) c.close();
    await server.stop();
  }
}
