/**
 * Scenario 1, fan-out: many real y-websocket clients, a few per room, editing claims at a
 * fixed total rate; how long until every other client of the room has each update. The same
 * load runs against our server (auth, validation, durable log) and against the reference,
 * `@y/websocket-server` (none of them), each in its own process, with the load generator in a
 * third (load-generator.ts).
 */
import { addBenchUser, adminToken, BENCH_DOC_PREFIX, runChildScript, startBenchServer, startReferenceServer } from './harness.js';
import type { LoadConfig, LoadResult } from './load-generator.js';

export interface FanOutSize {
  rooms: number;
  clientsPerRoom: number;
  /** Claim updates per second, all clients together. */
  rate: number;
  seconds: number;
}

export interface FanOutResult extends FanOutSize {
  ours: LoadResult;
  reference: LoadResult;
}

const roomNames = (n: number) => Array.from({ length: n }, (_, i) => `${BENCH_DOC_PREFIX}${i}`);

async function againstOurs(size: FanOutSize): Promise<LoadResult> {
  const server = await startBenchServer('checked', { rooms: size.rooms });
  try {
    const admin = await adminToken(server.url);
    // One annotator per slot of a room: each client edits its own claim, as the rules allow.
    const people = [];
    for (let slot = 0; slot < size.clientsPerRoom; slot++) {
      const user = await addBenchUser(server.url, admin, `bench-annotator-${slot}`, 'annotator');
      people.push({ token: user.token, ref: { id: user.id, name: user.name } });
    }
    const config: LoadConfig = {
      serverUrl: `${server.url.replace(/^http/, 'ws')}/collab`,
      rooms: roomNames(size.rooms),
      clientsPerRoom: size.clientsPerRoom,
      people,
      writeSeedArticle: false,
      rate: size.rate,
      durationSeconds: size.seconds,
      serverPid: server.child.pid!,
    };
    return await runChildScript<LoadResult>('load-generator.ts', config);
  } finally {
    await server.stop();
  }
}

async function againstReference(size: FanOutSize): Promise<LoadResult> {
  const server = await startReferenceServer();
  try {
    const people = Array.from({ length: size.clientsPerRoom }, (_, slot) => ({ ref: { id: `u-bench-${slot}`, name: `Bench ${slot}` } }));
    const config: LoadConfig = {
      serverUrl: server.wsUrl,
      rooms: roomNames(size.rooms),
      clientsPerRoom: size.clientsPerRoom,
      people,
      writeSeedArticle: true,
      rate: size.rate,
      durationSeconds: size.seconds,
      serverPid: server.child.pid!,
    };
    return await runChildScript<LoadResult>('load-generator.ts', config);
  } finally {
    await server.stop();
  }
}

/**
 * Runs the same fan-out load against both servers, one after the other: the reference first,
 * or ours first with `oursFirst` (the bench alternates, so neither always gets the machine
 * as the other left it).
 */
export async function measureFanOut(size: FanOutSize, oursFirst = false): Promise<FanOutResult> {
  const ours = oursFirst ? await againstOurs(size) : null;
  const reference = await againstReference(size);
  return { ...size, ours: ours ?? (await againstOurs(size)), reference };
}
