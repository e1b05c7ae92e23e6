/**
 * What every scenario needs: a server process to measure (its CPU read from /proc), the
 * reference server in its own process, signed-in bearer tokens, raw y-websocket
 * connections, and the median.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { makeTempDir } from '../src/testing/temp-dir.js';
import { BENCH_ADMIN_PASSWORD, type BenchServerOptions } from './bench-options.js';

export { BENCH_ADMIN_PASSWORD, BENCH_DOC_PREFIX } from './bench-options.js';
export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const SEED_DOC = 'us-russia-un-resolution';

export interface MemoryUse {
  rss: number;
  /** V8's heap in use and reserved, and memory outside it (Buffers; SQLite's is not counted). */
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface BenchServer {
  url: string;
  child: ChildProcess;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number;
  /** CPU time of the main (JavaScript) thread alone, in ms. */
  mainThreadCpuMs(): number;
  /** Memory use after a full garbage collection, in bytes (only with `gc: true`). */
  memoryAfterGc(): Promise<MemoryUse>;
  stop(): Promise<void>;
}

const profileArgs = () => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);

/** Waits for the first stdout line of `child` that matches `pattern`; resolves with its first group. */
function awaitLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  return new Promise<string>((done, fail) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (!m) return;
      out = '';
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      done(m[1]);
    };
    const onExit = (code: number | null) => fail(new Error(`${what} exited with ${code}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * CPU time of a process (all its threads) and of its main thread, read from /proc, in ms.
 * Each thread's schedstat counts nanoseconds on the CPU; /proc's stat counts 10 ms ticks,
 * which rounds a short run (a smoke test's few hundred updates) to nothing. The sum over
 * threads misses threads that have exited, but Node's (the libuv pool, V8's workers) live as
 * long as the process. Without schedstat (a kernel built without it) the ticks are used.
 */
export function processCpu(pid: number) {
  const ticks = 100; // USER_HZ on Linux
  const ticksOf = (statFile: string) => {
    const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  };
  const nanosOf = (task: string) => Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  const precise = existsSync(`/proc/${pid}/task/${pid}/schedstat`);
  if (!precise) return { cpuMs: () => ticksOf(`/proc/${pid}/stat`), mainThreadCpuMs: () => ticksOf(`/proc/${pid}/task/${pid}/stat`) };
  const ifAlive = (task: string) => {
    try {
      return nanosOf(task);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return 0; // it ended between the listing and the read
      throw error;
    }
  };
  const allThreads = () => readdirSync(`/proc/${pid}/task`).reduce((sum, task) => sum + ifAlive(task), 0);
  return { cpuMs: allThreads, mainThreadCpuMs: () => nanosOf(String(pid)) };
}

/** Children still running: killed if the bench process exits first (a crash, a test runner's teardown). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGTERM')));

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Starts `bench-server.ts` on a fresh data dir in its own process, with the bench articles `options` asks for. */
export async function startBenchServer(mode: 'checked' | 'unchecked', options: BenchServerOptions = {}): Promise<BenchServer> {
  const dir = makeTempDir('factdesk-bench-');
  const gcFlag = options.gc ? ['--expose-gc'] : [];
  const child = track(
    spawn(process.execPath, [...gcFlag, ...profileArgs(), '--import', 'tsx', 'server/bench/bench-server.ts', dir.path, mode, JSON.stringify(options)], {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  try {
    const url = await awaitLine(child, /listening (\S+)/, 'bench server');
    return {
      url,
      child,
      ...processCpu(child.pid!),
      async memoryAfterGc() {
        const answer = awaitLine(child, /(rss \d+ heap \d+ total \d+ external \d+)/, 'bench server');
        child.stdin!.write('gc\n');
        const [rss, heapUsed, heapTotal, external] = (await answer).match(/\d+/g)!.map(Number);
        return { rss, heapUsed, heapTotal, external };
      },
      async stop() {
        await stopChild(child);
        dir.remove();
      },
    };
  } catch (error) {
    dir.remove();
    throw error;
  }
}

export interface ReferenceServer {
  /** The websocket URL rooms hang off: `${wsUrl}/${room}`. */
  wsUrl: string;
  child: ChildProcess;
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the reference server's bin cannot listen on port 0 and tell us). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts the reference, `@y/websocket-server` 0.1.1, as its users run it (its own bin, in
 * memory: no auth, no validation, no persistence), in its own process (reference-server.ts).
 */
export async function startReferenceServer(): Promise<ReferenceServer> {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [...profileArgs(), '--import', 'tsx', 'server/bench/reference-server.ts'], {
      cwd: REPO,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  await awaitLine(child, /(running at)/, 'reference server');
  return { wsUrl: `ws://127.0.0.1:${port}`, child, cpuMs: processCpu(child.pid!).cpuMs, stop: () => stopChild(child) };
}

/** Adds a person with `role` as the admin and returns their bearer token. */
export async function addBenchUser(url: string, admin: string, login: string, role: 'annotator' | 'reviewer'): Promise<{ token: string; id: string; name: string }> {
  const password = `${login}-bench-password`;
  const res = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ login, name: `Bench ${login}`, role, password }),
  });
  if (!res.ok) throw new Error(`adding ${login} failed: ${res.status} ${await res.text()}`);
  const session = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const { token, user } = (await session.json()) as { token: string; user: { id: string; name: string } };
  return { token, id: user.id, name: user.name };
}

/** Signs in as the admin and returns the bearer token. */
export async function adminToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: BENCH_ADMIN_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A raw y-websocket connection: send frames, await the server's sync replies. */
export interface RawConnection {
  ws: WebSocket;
  /** The server's doc state, received in answer to our sync step 1. */
  fetchState(): Promise<Uint8Array>;
  sendUpdate(update: Uint8Array): void;
  /**
   * Resolves once the server has handled everything sent before (a sync round trip). Pass a
   * state vector that covers the server's state, or the answer is the whole doc.
   */
  roundTrip(stateVector?: Uint8Array): Promise<void>;
  /**
   * Resolves once the server has read everything sent before (a websocket ping, answered
   * after the frames before it): no sync answer to compute, so it costs the server nothing
   * measurable. Unlike `roundTrip`, it does not wait for the updates to be on disk.
   */
  handled(): Promise<void>;
  close(): void;
}

export async function connectRaw(url: string, docId: string, token: string): Promise<RawConnection> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
  ws.binaryType = 'nodebuffer';
  // Listening from the start: the server's first messages may come with the handshake.
  const opened = new Promise((r, f) => (ws.once('open', r), ws.once('error', f)));
  const waiting: { resolve: (state: Uint8Array) => void; reject: (error: Error) => void }[] = [];
  const pongs: { resolve: () => void; reject: (error: Error) => void }[] = [];
  ws.on('pong', () => pongs.shift()?.resolve());
  ws.on('close', (code) => {
    for (const w of [...waiting.splice(0), ...pongs.splice(0)]) w.reject(new Error(`the server closed the bench connection (${code})`));
  });
  // A room that has not held its doc since the server started sends its stored updates unasked
  // (the later ones as updates, the snapshot as step 2), then greets with its sync step 1; it
  // then answers our step 1 with only what is newer. So the answers are the step 2s after the
  // greeting, and the state is everything received.
  let received: Uint8Array[] = [];
  let greeted!: () => void;
  const greeting = new Promise<void>((resolve) => (greeted = resolve));
  let answering = false;
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return;
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      answering = true;
      return greeted();
    }
    received.push(decoding.readVarUint8Array(decoder));
    if (type !== syncProtocol.messageYjsSyncStep2 || !answering || waiting.length === 0) return;
    const parts = received;
    received = [];
    waiting.shift()?.resolve(parts.length === 1 ? parts[0] : Y.mergeUpdates(parts));
  });
  await opened;
  await greeting;
  const step1 = (stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, stateVector);
    ws.send(encoding.toUint8Array(encoder));
    return new Promise<Uint8Array>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  return {
    ws,
    fetchState: () => step1(),
    sendUpdate(update) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      ws.send(encoding.toUint8Array(encoder));
    },
    roundTrip: (stateVector) => step1(stateVector).then(() => undefined),
    handled() {
      ws.ping();
      return new Promise<void>((resolve, reject) => pongs.push({ resolve, reject }));
    },
    close: () => ws.close(),
  };
}

/** The median of the values. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value at quantile `q` (0.99: p99) of ascending `sorted`, by nearest rank; NaN when empty. */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Runs `server/bench/<script>` in its own process with `config` as JSON; resolves with the `result <json>` it prints. */
export async function runChildScript<T>(script: string, config: unknown): Promise<T> {
  const child = track(
    spawn(process.execPath, [...profileArgs(), '--import', 'tsx', `server/bench/${script}`, JSON.stringify(config)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const exited = new Promise((r) => child.once('exit', r));
  try {
    const result = JSON.parse(await awaitLine(child, /result (.*)\n/, script)) as T;
    await exited; // it exits by itself once it has printed (and written its profile)
    return result;
  } finally {
    await stopChild(child);
  }
}
