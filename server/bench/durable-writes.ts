/**
 * Scenario 2, durable write throughput: how many accepted updates a second our server writes
 * to its log (durably, `synchronous = FULL`) and broadcasts, with the checks on. Writers send
 * their pre-generated updates pipelined (all at once, no waiting for answers); the clock stops
 * when a second socket in each room has received the room's last update, which the server
 * only sends once it is on disk. Once into one room, once spread over many rooms; each run
 * uses fresh rooms on the same server, after a warm-up room, each woken by one write first.
 */
import * as Y from 'yjs';
import type { Actor } from '@factdesk/shared';
import { generateClaimUpdates } from './claim-updates.js';
import { adminToken, BENCH_DOC_PREFIX, connectRaw, median, startBenchServer, type BenchServer } from './harness.js';

export interface DurableWritesSize {
  /** Updates per run, all rooms together. */
  updates: number;
  /** Rooms of the "many rooms" case. */
  manyRooms: number;
  runs: number;
  /** Updates into a first room before measuring (JIT, caches); default 1,000. */
  warmUp?: number;
}

export interface DurableWritesResult extends DurableWritesSize {
  /** Median accepted updates per second, and every run's figure. */
  oneRoom: number;
  manyRoomsPerSecond: number;
  oneRoomRuns: number[];
  manyRoomsRuns: number[];
}

/** Sends `perRoom` updates into each room, interleaved; resolves with the seconds until every watcher has its room's last one. */
async function writeInto(server: BenchServer, token: string, me: Actor, rooms: string[], perRoom: number): Promise<number> {
  const lanes = await Promise.all(
    rooms.map(async (room, i) => {
      const writer = await connectRaw(server.url, room, token);
      const watcher = await connectRaw(server.url, room, token);
      const marker = Buffer.from(`last of lane ${i} ${Math.random()}`);
      const state = await writer.fetchState();
      const [wake, ...updates] = generateClaimUpdates(state, me, perRoom + 1, marker.toString());
      // A room at rest loads its doc on its first write (see ADR 0010): done before the clock starts.
      writer.sendUpdate(wake);
      await writer.roundTrip(Y.encodeStateVectorFromUpdate(Y.mergeUpdates([state, wake])));
      const seen = new Promise<void>((resolve) => {
        watcher.ws.on('message', (data: Buffer) => data.includes(marker) && resolve());
      });
      return { writer, watcher, updates, seen };
    }),
  );
  const started = performance.now();
  for (let i = 0; i < perRoom; i++) for (const lane of lanes) lane.writer.sendUpdate(lane.updates[i]);
  await Promise.all(lanes.map((lane) => lane.seen));
  const seconds = (performance.now() - started) / 1000;
  for (const lane of lanes) {
    lane.writer.close();
    lane.watcher.close();
  }
  return seconds;
}

/** Durable, broadcast updates per second into one room and into `manyRooms` rooms (median of `runs` each). */
export async function measureDurableWrites(size: DurableWritesSize): Promise<DurableWritesResult> {
  const roomsNeeded = 1 + size.runs * (1 + size.manyRooms);
  const server = await startBenchServer('checked', { rooms: roomsNeeded });
  try {
    const token = await adminToken(server.url);
    const me = ((await (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: Actor }).user;
    let next = 0;
    const take = (n: number) => Array.from({ length: n }, () => `${BENCH_DOC_PREFIX}${next++}`);
    await writeInto(server, token, me, take(1), size.warmUp ?? 1_000);
    const oneRoomRuns: number[] = [];
    const manyRoomsRuns: number[] = [];
    for (let run = 0; run < size.runs; run++) {
      oneRoomRuns.push(size.updates / (await writeInto(server, token, me, take(1), size.updates)));
      const perRoom = Math.ceil(size.updates / size.manyRooms);
      manyRoomsRuns.push((perRoom * size.manyRooms) / (await writeInto(server, token, me, take(size.manyRooms), perRoom)));
    }
    return { ...size, oneRoom: median(oneRoomRuns), manyRoomsPerSecond: median(manyRoomsRuns), oneRoomRuns, manyRoomsRuns };
  } finally {
    await server.stop();
  }
}
