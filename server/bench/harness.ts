/**
 * What every scenario needs: a server process to measure (its CPU read from /proc), a
 * signed-in bearer token, raw y-websocket connections, and the median.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { makeTempDir } from '../src/testing/temp-dir.js';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';
export const SEED_DOC = 'us-russia-un-resolution';

export interface BenchServer {
  url: string;
  child: ChildProcess;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number;
  /** CPU time of the main (JavaScript) thread alone, in ms. */
  mainThreadCpuMs(): number;
  stop(): Promise<void>;
}

/** Starts `bench-server.ts` on a fresh data dir in its own process. */
export async function startBenchServer(mode: 'checked' | 'unchecked'): Promise<BenchServer> {
  const dir = makeTempDir('factdesk-bench-');
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/bench/bench-server.ts', dir.path, mode], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)));
  });
  const ticks = 100; // USER_HZ on Linux
  const cpuOf = (statFile: string) => {
    const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  };
  return {
    url,
    child,
    cpuMs: () => cpuOf(`/proc/${child.pid}/stat`),
    mainThreadCpuMs: () => cpuOf(`/proc/${child.pid}/task/${child.pid}/stat`),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      dir.remove();
    },
  };
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
  close(): void;
}

export async function connectRaw(url: string, docId: string, token: string): Promise<RawConnection> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/collab/${docId}?token=${token}`);
  ws.binaryType = 'nodebuffer';
  await new Promise((r, f) => (ws.once('open', r), ws.once('error', f)));
  const waiting: { resolve: (state: Uint8Array) => void; reject: (error: Error) => void }[] = [];
  ws.on('close', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the server closed the bench connection (${code})`));
  });
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return;
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
    waiting.shift()?.resolve(decoding.readVarUint8Array(decoder));
  });
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
    close: () => ws.close(),
  };
}

/** The median of the values. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
