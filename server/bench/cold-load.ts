/**
 * Scenario 3, the big article's cold load: the seed article with many claims, stored as a
 * snapshot (as after compaction), on a server that has not opened its room yet. Timed from
 * opening the socket (handshake and token check included) to the first sync step 2 received
 * — the message after which a y-websocket client counts as synced — whether the server sends
 * it in answer to the client's sync step 1 or unasked: what the first person to open the
 * article waits for on the server's side. Each run is a different room of the same server,
 * after one warm-up room, started once the previous room has finished loading.
 */
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { adminToken, BENCH_DOC_PREFIX, median, startBenchServer } from './harness.js';

export interface ColdLoadResult {
  claims: number;
  runs: number;
  /** Median ms from opening the socket to sync step 2 received. */
  ms: number;
  all: number[];
  /** Size of the document state the server sent. */
  stateBytes: number;
}

/** Cold loads of `runs` rooms each holding the seed article with `claims` claims. */
export async function measureColdLoad(claims: number, runs: number): Promise<ColdLoadResult> {
  const server = await startBenchServer('checked', { rooms: runs + 1, claims });
  try {
    const token = await adminToken(server.url);
    const all: number[] = [];
    let stateBytes = 0;
    for (let room = 0; room <= runs; room++) {
      const { ms, bytes } = await firstSync(`${server.url.replace(/^http/, 'ws')}/collab/${BENCH_DOC_PREFIX}${room}?token=${token}`);
      stateBytes = bytes;
      if (room > 0) all.push(ms); // room 0 warms the code paths up
      // The room integrates the article right after sending it; let it finish (the health check
      // is answered once the event loop is free) so that the next room's load starts cold, on an
      // idle server, rather than queued behind this one's.
      await new Promise((r) => setTimeout(r, 100));
      await fetch(`${server.url}/healthz`);
    }
    return { claims, runs, ms: median(all), all, stateBytes };
  } finally {
    await server.stop();
  }
}

/** Opens a socket as a fresh client does (sync step 1 with an empty state vector); resolves at the first sync step 2. */
function firstSync(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, new Y.Doc());
      ws.send(encoding.toUint8Array(encoder));
    });
    ws.on('message', (data: Buffer) => {
      // A view, not a copy: an 8 MB copy made here, after the message arrived, is this client's
      // own work, which y-websocket's provider in a browser does not do (it views the ArrayBuffer).
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
      const ms = performance.now() - started;
      resolve({ ms, bytes: decoding.readVarUint8Array(decoder).byteLength });
      ws.close();
    });
  });
}
