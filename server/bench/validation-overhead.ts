/**
 * What the per-update permission checks cost: server CPU time (read from /proc) to accept N
 * small claim updates sent over a real websocket, stored in the SQLite log and broadcast to a
 * second person in the room — with the checks on, and with the same server started with
 * them off. Each run starts a fresh server process of each mode, and times them in turns.
 */
import * as Y from 'yjs';
import { createClaim, listClaims, updateClaim, type Actor } from '@factdesk/shared';
import { SEED_DOC, adminToken, connectRaw, median, startBenchServer, type BenchServer, type RawConnection } from './harness.js';

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

type Mode = 'checked' | 'unchecked';
const MODES: Mode[] = ['checked', 'unchecked'];


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
      updateClaim(client, ids[updates.length % ids.length], { rationale: `edit ${updates.length}` });
    }
  }
  const stateVector = Y.encodeStateVector(client);
  const claims = listClaims(client).length;
  client.destroy();
  return { updates: updates.slice(0, n), stateVector, claims };
}

/** A server in one mode, warmed up, with the updates it will be timed on. */
interface Contender {
  server: BenchServer;
  writer: RawConnection;
  watcher: RawConnection;
  updates: Uint8Array[];
  stateVector: Uint8Array;
  claims: number;
  sent: number;
  use: CpuUse;
}

async function startContender(mode: Mode, n: number, warmUp: number): Promise<Contender> {
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
    return { server, writer, watcher, updates: all.slice(warmUp), stateVector, claims, sent: 0, use: { used: 0, mainThread: 0 } };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Sends the contender's next `count` updates and adds the server's CPU time until it has stored them all. */
async function timeBlock(c: Contender, count: number): Promise<void> {
  const before = c.server.cpuMs();
  const mainBefore = c.server.mainThreadCpuMs();
  const end = Math.min(c.sent + count, c.updates.length);
  for (let i = c.sent; i < end; i++) {
    c.writer.sendUpdate(c.updates[i]);
    if ((i - c.sent) % 200 === 199) await c.writer.handled(); // keep the socket buffers bounded
  }
  c.sent = end;
  await c.writer.roundTrip(c.stateVector); // answered once everything is on disk
  c.use.used += c.server.cpuMs() - before;
  c.use.mainThread += c.server.mainThreadCpuMs() - mainBefore;
}

/** Only a run in which every update was accepted measured what it says. */
async function finish(c: Contender, mode: Mode): Promise<void> {
  const stored = new Y.Doc();
  Y.applyUpdate(stored, await c.watcher.fetchState());
  if (listClaims(stored).length !== c.claims) throw new Error(`${mode}: the server holds ${listClaims(stored).length} of ${c.claims} claims`);
  c.writer.close();
  c.watcher.close();
}

/**
 * One run: a checked and an unchecked server side by side, each warmed up, then timed on the
 * same number of updates in alternating blocks (checked, unchecked, unchecked, checked, …):
 * this machine's speed drifts by ±20 % within a minute, and blocks of a second or two see
 * the same machine.
 */
async function oneRun(n: number, warmUp: number, block: number): Promise<{ checked: CpuUse; unchecked: CpuUse }> {
  const contenders: Partial<Record<Mode, Contender>> = {};
  try {
    for (const mode of MODES) contenders[mode] = await startContender(mode, n, warmUp);
    const [checked, unchecked] = [contenders.checked!, contenders.unchecked!];
    for (let round = 0; checked.sent < n || unchecked.sent < n; round++) {
      for (const c of round % 2 ? [unchecked, checked] : [checked, unchecked]) await timeBlock(c, block);
    }
    for (const mode of MODES) await finish(contenders[mode]!, mode);
    return { checked: checked.use, unchecked: unchecked.use };
  } finally {
    for (const mode of MODES) await contenders[mode]?.server.stop();
  }
}

/**
 * Measures checked vs unchecked acceptance of `updates` updates, `runs` times. In each run the
 * two modes alternate in blocks of `block` updates; the overhead is the median of the runs'
 * ratios.
 */
export async function measureValidationOverhead(updates = 10_000, runs = 5, warmUp = 5_000, block = 1_000): Promise<OverheadResult> {
  const pairs: { checked: CpuUse; unchecked: CpuUse }[] = [];
  for (let run = 0; run < runs; run++) pairs.push(await oneRun(updates, warmUp, block));
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
