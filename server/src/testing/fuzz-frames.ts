/**
 * Broken frames for the fuzz test, made from valid ones: the y-websocket messages a real
 * client sends (sync step 1 and 2, updates, awareness), then truncated, bit-flipped, spliced
 * or re-wrapped so the damage reaches the Yjs decoder rather than only the outer envelope.
 * Seeded, so a failing run can be replayed with the same seed.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { createClaim, deleteClaim, listClaims, updateClaim, type PersonRef } from '@factdesk/shared';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../rooms/protocol.js';

/** mulberry32: a small seeded PRNG returning [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid message: its outer type bytes and its payload (null when it has none). */
interface Valid {
  head: number[];
  payload: Uint8Array | null;
}

function frame({ head, payload }: Valid): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const n of head) encoding.writeVarUint(encoder, n);
  if (payload) encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** The valid messages a client of `server` (a copy of the room's doc) could send, as `person`. */
export function validMessages(server: Y.Doc, person: PersonRef): Valid[] {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
  const serverState = Y.encodeStateVector(server);
  const updates: Uint8Array[] = [];
  local.on('update', (u: Uint8Array) => updates.push(u));
  const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
  const mine = createClaim(local, person, { target, verdict: 'false', rationale: 'a fuzzed claim', sources: [{ url: 'https://example.org', title: 'Example' }] });
  updateClaim(local, mine, { verdict: 'mixed', rationale: 'edited' });
  for (const claim of listClaims(local).filter((c) => c.id !== mine).slice(0, 2)) {
    updateClaim(local, claim.id, { rationale: 'overwritten by a stranger' });
  }
  const someone = listClaims(local).find((c) => c.id !== mine);
  if (someone) deleteClaim(local, someone.id);

  const awareness = new awarenessProtocol.Awareness(local);
  awareness.setLocalState({ user: { id: 'x', name: 'Mallory', color: '#000' }, selection: { start: 1, end: 5 }, editing: mine });
  const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [local.clientID]);
  awareness.destroy();

  const messages: Valid[] = [
    { head: [MESSAGE_SYNC, 0], payload: Y.encodeStateVector(local) },
    { head: [MESSAGE_SYNC, 1], payload: Y.encodeStateAsUpdate(local, serverState) },
    { head: [MESSAGE_SYNC, 1], payload: Y.encodeStateAsUpdate(server, Y.encodeStateVector(server)) },
    ...updates.map((u) => ({ head: [MESSAGE_SYNC, 2], payload: u })),
    { head: [MESSAGE_AWARENESS], payload: presence },
    { head: [MESSAGE_QUERY_AWARENESS], payload: null },
  ];
  local.destroy();
  return messages;
}

function mutateBytes(bytes: Uint8Array, random: () => number): Uint8Array {
  const int = (n: number) => Math.floor(random() * n);
  const out = Array.from(bytes);
  switch (int(5)) {
    case 0: // truncate
      return Uint8Array.from(out.slice(0, int(out.length + 1)));
    case 1: // overwrite a few bytes
      for (let i = 0, n = 1 + int(4); i < n && out.length; i++) out[int(out.length)] = int(256);
      return Uint8Array.from(out);
    case 2: // insert random bytes
      out.splice(int(out.length + 1), 0, ...Array.from({ length: 1 + int(8) }, () => int(256)));
      return Uint8Array.from(out);
    case 3: // cut a range out
      out.splice(int(out.length + 1), 1 + int(16));
      return Uint8Array.from(out);
    default: // flip single bits
      for (let i = 0, n = 1 + int(3); i < n && out.length; i++) out[int(out.length)] ^= 1 << int(8);
      return Uint8Array.from(out);
  }
}

/** `count` frames: mostly damaged copies of `messages`, some valid, some pure noise. */
export function fuzzFrames(messages: Valid[], count: number, random: () => number): Uint8Array[] {
  const int = (n: number) => Math.floor(random() * n);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const valid = messages[int(messages.length)];
    const kind = random();
    if (kind < 0.05) frames.push(frame(valid));
    else if (kind < 0.45 && valid.payload) frames.push(frame({ head: valid.head, payload: mutateBytes(valid.payload, random) }));
    else if (kind < 0.8) frames.push(mutateBytes(frame(valid), random));
    else if (kind < 0.9) {
      const other = frame(messages[int(messages.length)]);
      const a = frame(valid);
      frames.push(Uint8Array.from([...a.slice(0, int(a.length)), ...other.slice(int(other.length))]));
    } else frames.push(Uint8Array.from({ length: int(64) }, () => int(256)));
  }
  return frames;
}
