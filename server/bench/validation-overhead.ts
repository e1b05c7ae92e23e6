/**
 * What the per-update permission checks cost: server CPU time (read from /proc) to accept N
 * small claim updates sent over a real websocket, stored in the SQLite log and broadcast to a
 * second person in the room — with the checks on, and with the same server started with
 * them off. Each run uses a fresh server process; the modes run in back-to-back pairs.
 */
import * as Y from 'yjs';
import { createClaim, listClaims, updateClaim, type Actor } from '@factdesk/shared';
import { SEED_DOC, adminToken, connectRaw, median, startBenchServer } from './harness.js';

export interface OverheadResult {
  updates: number;
  runs: number;
  /** Whole process: the JavaScript thread plus V8's and libuv's helper threads. */
  checkedCpuMs: number;
  uncheckedCpuMs: number;
  overhead: number;
  /** The JavaScript (main) thread alone. */
  checkedMainMs: number;
  uncheckedMainMs: number;
  mainOverhead: number;
  /** Each run's pair, checked and unchecked back to back (process, main thread). */
  pairs: { checked: CpuUse; unchecked: CpuUse }[];
}

interface CpuUse {
  used: number;
  mainThread: number;
}


/** N small updates as one person's client makes them: claims created, then edited. */
function generateUpdates(state: Uint8Array, author: Actor, n: number): { updates: Uint8Array[]; stateVector: Uint8Array; claims: number } {
  const client = new Y.Doc();
  Y.applyUpdate(client, state);
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  const target = { version: 1, quote: { exact: 'UNITED NATIONS', prefix: '', suffix: '' }, position: { start: 0, end: 14 } };
  const ids: string[] = [];
  const ref = { id: author.id, name: author.name };
  while (updates.length < n) {
    if (ids.length < 50 || updates.length % 10 === 0) {
      ids.push(createClaim(client, ref, { target, verdict: 'mixed', rationale: 'first look', sources: [] }));
    } else {
      updateClaim(client, ids[updates.length % ids.length], ref, { rationale: `edit ${updates.length}` });
    }
  }
  const stateVector = Y.encodeStateVector(client);
  const claims = listClaims(client).length;
  client.destroy();
  return { updates: updates.slice(0, n), stateVector, claims };
}

async function oneRun(mode: 'checked' | 'unchecked', n: number, warmUp: number): Promise<CpuUse> {
  const server = await startBenchServer(mode);
  try {
    const token = await adminToken(server.url);
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: Actor };
    const writer = await connectRaw(server.url, SEED_DOC, token);
    const watcher = await connectRaw(server.url, SEED_DOC, token);
    // The first `warmUp` updates warm up the server (JIT, caches) and are not counted: a newsroom
    // server runs for days, and what matters is the steady cost per update. Timed in blocks of
    // 2,000, a server's cost per update falls from 250–400 µs (the first block) to 60–80 µs
    // after about 6,000 updates, checked or not; 1,000 warm-up updates left most of that fall in
    // the measured window.
    const { updates: all, stateVector, claims } = generateUpdates(await writer.fetchState(), me.user, n + warmUp);
    for (let i = 0; i < warmUp; i++) {
      writer.sendUpdate(all[i]);
      if (i % 200 === 199) await writer.handled();
    }
    await writer.roundTrip(stateVector);
    const updates = all.slice(warmUp);
    const before = server.cpuMs();
    const mainBefore = server.mainThreadCpuMs();
    for (let i = 0; i < updates.length; i++) {
      writer.sendUpdate(updates[i]);
      if (i % 200 === 199) await writer.handled(); // keep the socket buffers bounded
    }
    await writer.roundTrip(stateVector);
    const used = server.cpuMs() - before;
    const mainThread = server.mainThreadCpuMs() - mainBefore;
    // Only a run in which every update was accepted measured what it says.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await watcher.fetchState());
    if (listClaims(stored).length !== claims) throw new Error(`${mode}: the server holds ${listClaims(stored).length} of ${claims} claims`);
    writer.close();
    watcher.close();
    return { used, mainThread };
  } finally {
    await server.stop();
  }
}

/**
 * Measures checked vs unchecked acceptance of `updates` updates, `runs` times each. The two
 * modes run back to back in each pair (alternating which goes first), and the overhead is the
 * median of the pairs' ratios: this machine's speed drifts by ±20 % over a minute, and a pair
 * sees the same machine.
 */
export async function measureValidationOverhead(updates = 10_000, runs = 7, warmUp = 5_000): Promise<OverheadResult> {
  const pairs: { checked: CpuUse; unchecked: CpuUse }[] = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? (['unchecked', 'checked'] as const) : (['checked', 'unchecked'] as const);
    const pair: Partial<Record<'checked' | 'unchecked', CpuUse>> = {};
    for (const mode of order) pair[mode] = await oneRun(mode, updates, warmUp);
    pairs.push({ checked: pair.checked!, unchecked: pair.unchecked! });
  }
  return {
    updates,
    runs,
    checkedCpuMs: median(pairs.map((p) => p.checked.used)),
    uncheckedCpuMs: median(pairs.map((p) => p.unchecked.used)),
    overhead: median(pairs.map((p) => p.checked.used / p.unchecked.used - 1)),
    checkedMainMs: median(pairs.map((p) => p.checked.mainThread)),
    uncheckedMainMs: median(pairs.map((p) => p.unchecked.mainThread)),
    mainOverhead: median(pairs.map((p) => p.checked.mainThread / p.unchecked.mainThread - 1)),
    pairs,
  };
}
