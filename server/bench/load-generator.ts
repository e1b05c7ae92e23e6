/**
 * The fan-out load generator, in its own process so it never shares a core's event loop with
 * the server it measures: `tsx server/bench/load-generator.ts <config as JSON>`. It runs real
 * y-websocket clients (`WebsocketProvider` with `ws`), N per room; each client edits the
 * rationale of its own claim at a fixed total rate. The rationale carries a sequence number
 * ("bench 1234"); the moment each update was sent is kept by number, so when another client of
 * the room sees that rationale arrive, the latency is read off one clock (this process's
 * `performance.now()`). Prints `result <json>` on stdout when done; progress on stderr.
 */
import { readFileSync } from 'node:fs';
import { setMaxListeners } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  articleSchema,
  canonicalText,
  claimsMap,
  createClaim,
  importPlainText,
  readArticleVersion,
  targetFromRange,
  textHash,
  updateClaim,
  writeArticleVersion,
  writeMeta,
  type PersonRef,
} from '@factdesk/shared';
import { MESSAGE_REJECTED } from '../src/rooms/protocol.js';
import { processCpu, quantile } from './harness.js';

export interface LoadConfig {
  /** Where rooms hang off: ours `ws://host/collab`, the reference `ws://host`. */
  serverUrl: string;
  rooms: string[];
  clientsPerRoom: number;
  /** One person per slot of a room (ours: bearer tokens of bench annotators; the reference ignores them). */
  people: { token?: string; ref: PersonRef }[];
  /** The reference starts with empty rooms: the first client of each writes the seed article (not measured). */
  writeSeedArticle: boolean;
  /** Claim updates per second, all clients together. */
  rate: number;
  durationSeconds: number;
  /** The server's process id: its CPU time over the measured window is reported. */
  serverPid: number;
}

export interface LoadResult {
  clients: number;
  rooms: number;
  sent: number;
  /** Deliveries expected (sent × other clients in the room) and seen. */
  expected: number;
  delivered: number;
  rejected: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Updates sent per second, and deliveries (update × receiver) per second, over the measured time. */
  sentPerSecond: number;
  deliveredPerSecond: number;
  /** Time to connect and sync every client, ms. */
  connectMs: number;
  /**
   * This process's own event-loop delay while measuring (p99 and max, ms): when it is of the
   * order of the latencies, the generator (or the machine), not the server, is what was measured.
   */
  generatorLagP99: number;
  generatorLagMax: number;
  /** CPU time the server process used while measured (sending and the last deliveries), ms; and its main thread's. */
  serverCpuMs: number;
  serverMainThreadCpuMs: number;
}

const config = JSON.parse(process.argv[2]) as LoadConfig;
const say = (message: string) => process.stderr.write(`[load] ${message}\n`);
// 1,000 providers each add a process 'exit' listener (y-websocket): expected here.
setMaxListeners(0, process);
process.setMaxListeners(0);

const SEED_TEXT = readFileSync(new URL('../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const article = importPlainText(SEED_TEXT);
const text = canonicalText(articleSchema.nodeFromJSON(article));

/** The same first update our server writes on import: metadata and version 1 of the seed article. */
function seedArticleUpdate(): Uint8Array {
  const doc = new Y.Doc();
  writeMeta(doc, { title: 'Bench article', sourceUrl: '', publisher: '', publishedAt: '' });
  writeArticleVersion(doc, { version: 1, doc: article, textHash: textHash(text), createdAt: new Date().toISOString() });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  room: number;
  person: { token?: string; ref: PersonRef };
  claimId: string;
}

const sentAt: number[] = [];
const latencies: number[] = [];
let rejected = 0;
let measuring = false;

function until(predicate: () => boolean, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}

function connect(room: number, slot: number): Client {
  const doc = new Y.Doc();
  const person = config.people[slot % config.people.length];
  const provider = new WebsocketProvider(config.serverUrl, config.rooms[room], doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: person.token ? { token: person.token } : {},
    maxBackoffTime: 500,
  });
  (provider.messageHandlers as unknown as ((...args: unknown[]) => void)[])[MESSAGE_REJECTED] = () => rejected++;
  // A rationale "bench <n>" arriving from the server is update n delivered to this client.
  claimsMap(doc).observeDeep((events, transaction) => {
    if (!measuring || transaction.local) return;
    const now = performance.now();
    for (const event of events) {
      if (event.path.length !== 1 || !(event.target instanceof Y.Map) || !(event as Y.YMapEvent<unknown>).keysChanged.has('rationale')) continue;
      const m = /^bench (\d+)$/.exec(String(event.target.get('rationale')));
      if (m && sentAt[Number(m[1])] !== undefined) latencies.push(now - sentAt[Number(m[1])]);
    }
  });
  return { doc, provider, room, person, claimId: '' };
}

/**
 * A server that used less CPU than `QUIET_CPU_MS` in each of `QUIET_SPELLS` spells of
 * `SPELL_MS` has settled: 1.5 s, longer than any of our server's delayed work (the claims
 * index writes a second after the last change).
 */
const QUIET_CPU_MS = 5;
const SPELL_MS = 100;
const QUIET_SPELLS = 15;
const SETTLE_AT_MOST_MS = 10_000;
/** How long clients edit before the measured edits (at most the measured time). */
const WARM_UP_EDIT_SECONDS = 5;

/**
 * Waits until the server has finished the warm-up's work before the clock starts: a
 * thousand claims created at once leave it busy for a while (our server indexes them a
 * second later, in one transaction), and the first measured updates waited behind that —
 * two thirds of one run's slowest 1 % were sent in its first 200 ms. Both servers get the
 * same wait. Resolves with how long it took.
 */
async function serverSettled(cpu: ReturnType<typeof processCpu>): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  let last = cpu.cpuMs();
  while (quiet < QUIET_SPELLS && performance.now() - started < SETTLE_AT_MOST_MS) {
    await new Promise((resolve) => setTimeout(resolve, SPELL_MS));
    const now = cpu.cpuMs();
    quiet = now - last < QUIET_CPU_MS ? quiet + 1 : 0;
    last = now;
  }
  return performance.now() - started;
}

/** Calls `edit(0)` … `edit(count - 1)` at the configured rate, from a 5 ms timer; resolves after the last. */
function editAtRate(count: number, edit: (i: number) => void): Promise<void> {
  const t0 = performance.now();
  let done = 0;
  return new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(count, Math.floor(((performance.now() - t0) / 1000) * config.rate));
      while (done < due) edit(done++);
      if (done >= count) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
}

async function main(): Promise<LoadResult> {
  const started = performance.now();
  const clients: Client[] = [];
  const seed = config.writeSeedArticle ? seedArticleUpdate() : null;
  // Connect room by room, a batch at a time, so the server is not hit by 1,000 handshakes at once.
  const batch = 25;
  for (let r = 0; r < config.rooms.length; r += batch) {
    const fresh: Client[] = [];
    for (let room = r; room < Math.min(config.rooms.length, r + batch); room++) {
      for (let slot = 0; slot < config.clientsPerRoom; slot++) fresh.push(connect(room, slot));
    }
    clients.push(...fresh);
    await until(() => fresh.every((c) => c.provider.synced), 60_000, 'clients to sync');
    if (seed) fresh.forEach((c, j) => j % config.clientsPerRoom === 0 && Y.applyUpdate(c.doc, seed));
  }
  await until(() => clients.every((c) => readArticleVersion(c.doc) !== null), 60_000, 'the article in every client');
  const connectMs = performance.now() - started;
  say(`${clients.length} clients connected and synced in ${(connectMs / 1000).toFixed(1)} s`);

  // Warm-up (not measured): every client creates the claim it will edit.
  const start = text.indexOf('UNITED NATIONS');
  const target = targetFromRange(text, start, start + 14, 1);
  for (const c of clients) c.claimId = createClaim(c.doc, c.person.ref, { target, verdict: 'mixed', rationale: 'first look', sources: [] });
  await until(() => clients.every((c) => claimsMap(c.doc).size >= config.clientsPerRoom), 60_000, 'every claim in every client');
  say('warm-up claims everywhere');
  // Clients in round-robin order across rooms, so consecutive updates hit different rooms.
  const roomCount = config.rooms.length;
  const order = clients.map((_, i) => clients[(i % roomCount) * config.clientsPerRoom + Math.floor(i / roomCount)]);
  // Then edits (not measured either) at the measured rate, so the server's code for edits is
  // warm too: until it was, the first second and a half of each run was slower.
  const warmUpEdits = Math.round(config.rate * Math.min(WARM_UP_EDIT_SECONDS, config.durationSeconds));
  await editAtRate(warmUpEdits, (i) => {
    const c = order[i % order.length];
    updateClaim(c.doc, c.claimId, { rationale: `warm-up ${i}` });
  });
  const serverCpu = processCpu(config.serverPid);
  say(`the server settled ${Math.round(await serverSettled(serverCpu))} ms after the warm-up`);

  const cpuBefore = serverCpu.cpuMs();
  const mainBefore = serverCpu.mainThreadCpuMs();
  measuring = true;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const total = Math.round(config.rate * config.durationSeconds);
  const t0 = performance.now();
  await editAtRate(total, (seq) => {
    const c = order[seq % order.length];
    sentAt.push(performance.now());
    updateClaim(c.doc, c.claimId, { rationale: `bench ${seq}` });
  });
  const sendSeconds = (performance.now() - t0) / 1000;
  const expected = total * (config.clientsPerRoom - 1);
  await until(() => latencies.length >= expected, 10_000, 'the last deliveries').catch(() => say(`only ${latencies.length} of ${expected} deliveries arrived`));
  const deliverySeconds = (performance.now() - t0) / 1000;
  measuring = false;
  const serverCpuMs = serverCpu.cpuMs() - cpuBefore;
  const serverMainThreadCpuMs = serverCpu.mainThreadCpuMs() - mainBefore;
  lag.disable();

  for (const c of clients) {
    c.provider.destroy();
    c.provider.awareness.destroy();
    c.doc.destroy();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    clients: clients.length,
    rooms: config.rooms.length,
    sent: total,
    expected,
    delivered: latencies.length,
    rejected,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    sentPerSecond: total / sendSeconds,
    deliveredPerSecond: latencies.length / deliverySeconds,
    connectMs,
    generatorLagP99: lag.percentile(99) / 1e6,
    generatorLagMax: lag.max / 1e6,
    serverCpuMs,
    serverMainThreadCpuMs,
  };
}

main().then(
  (result) => {
    process.stdout.write(`result ${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: Error) => {
    say(error.stack ?? error.message);
    process.exit(1);
  },
);
