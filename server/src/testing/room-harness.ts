/**
 * Rooms on a real SQLite log, driven message by message, for the room tests: the seed article
 * (with some claims), and clients with real Y.Docs that speak to the room as y-websocket
 * clients do, recording what they are sent.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { DEFAULT_RULES, createStampedClaim, type Actor } from '@factdesk/shared';
import { loadConfig } from '../config.js';
import { createDocumentRepository } from '../documents/documents.js';
import { seedDocuments } from '../documents/seed.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { createSqliteClientOwners } from '../persistence/client-owners.js';
import { openTempDatabase } from './temp-dir.js';
import { MESSAGE_REJECTED, MESSAGE_SYNC } from '../rooms/protocol.js';
import { Room, type Peer, type RoomOptions } from '../rooms/room.js';

export const DOC = 'us-russia-un-resolution';
export const REST_MS = 50;
export const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
const seedAuthor = { id: 'u-anna', name: 'Anna', role: 'annotator' } as Actor;

/**
 * The seed article in a real SQLite file with `claims` claims by Anna, opened as a room that
 * rests after REST_MS without writes. What it opens is closed by `closers` (run them after each test).
 */
export function seededRoom(closers: (() => void)[], claims = 0, options: RoomOptions = {}) {
  const temp = openTempDatabase();
  closers.push(temp.close);
  const log = createSqliteUpdateLog(temp.db);
  closers.push(() => void log.close?.());
  seedDocuments({ db: temp.db, documents: createDocumentRepository(temp.db), log }, loadConfig({}).seedsDir);
  const ids: string[] = [];
  if (claims > 0) {
    const doc = new Y.Doc();
    for (const update of log.load(DOC)) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    for (let i = 0; i < claims; i++) ids.push(createStampedClaim(doc, seedAuthor, { target, verdict: 'true', rationale: `claim ${i}`, sources: [] }));
    log.append(DOC, Y.encodeStateAsUpdate(doc, before));
  }
  const owners = createSqliteClientOwners(temp.db);
  const room = new Room(DOC, log, () => DEFAULT_RULES, () => {}, { restAfterMs: REST_MS, owners, ...options });
  closers.push(() => room.destroy(1001, 'test over'));
  return { room, log, ids, owners };
}

/**
 * A client of the room with a real Y.Doc, driven step by step as a y-websocket client is: what
 * the room sends it is recorded and applied; its own changes are sent as they are made;
 * `answerGreeting` sends what the room lacks.
 */
export function client(room: Room, actor: Actor, doc = new Y.Doc()) {
  const frames: { type: number; bytes: number; payload: Uint8Array }[] = [];
  const rejections: Uint8Array[] = [];
  const peer: Peer = {
    actor,
    send(message, sent) {
      const decoder = decoding.createDecoder(message);
      const kind = decoding.readVarUint(decoder);
      if (kind === MESSAGE_REJECTED) rejections.push(message);
      if (kind === MESSAGE_SYNC) {
        const type = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        frames.push({ type, bytes: message.byteLength, payload });
        if (type !== syncProtocol.messageYjsSyncStep1) Y.applyUpdate(doc, payload, 'room');
      }
      sent?.();
    },
    close: () => {},
  };
  doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'room' && origin !== 'unsent' && room.receiveUpdate(peer, update));
  return {
    doc,
    frames,
    rejections,
    open() {
      room.join(peer);
      room.answerSyncStep1(peer, Y.encodeStateVector(doc));
    },
    /** Its sync step 2: what it has that the room's state vector (its greeting) lacks. */
    answerGreeting() {
      const greeting = frames.findLast((f) => f.type === syncProtocol.messageYjsSyncStep1);
      if (!greeting) throw new Error('the room did not greet');
      return room.receiveUpdate(peer, Y.encodeStateAsUpdate(doc, greeting.payload));
    },
    /** Sends an update as this client (one made elsewhere, or held back). */
    send: (update: Uint8Array) => room.receiveUpdate(peer, update),
    leave: () => room.leave(peer),
  };
}

export const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await settle(5);
  }
}

/** Waits for the room to rest: REST_MS after the last write, or 200 times its load time if longer. */
export async function rested(room: Room): Promise<void> {
  const end = Date.now() + 5_000;
  while (!room.isResting) {
    if (Date.now() > end) throw new Error('the room did not rest');
    await settle(REST_MS / 2);
  }
}
