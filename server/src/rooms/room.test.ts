/**
 * A room on a real SQLite log, driven message by message. It keeps its article's Y.Doc in
 * memory only while people write to it: resting, it serves every sync from the update log —
 * the whole stored state as it is to a fresh client, only what is newer to a returning one —
 * and wakes for the first update that brings something. A peer's update is stored and relayed
 * as it came, once, and only if it changes something.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { createClaim, listClaims, updateClaim, type Actor } from '@factdesk/shared';
import { DOC, client, rested, seededRoom, settle, target, until } from '../testing/room-harness.js';

const anna = { id: 'u-anna', name: 'Anna', role: 'annotator' } as Actor;
const otto = { id: 'u-otto', name: 'Otto', role: 'viewer' } as Actor;
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).reverse().forEach((f) => f()));

describe('a resting room', () => {
  it('sends a new client the stored state as it is, unasked, and stays at rest through its sync step 2', async () => {
    const { room, log } = seededRoom(closers, 20);
    expect(room.isResting).toBe(true);
    const fresh = client(room, anna);
    fresh.open();
    // The answer is the stored updates themselves, byte for byte: nothing was decoded to send them.
    const stored = log.load(DOC);
    const sent = fresh.frames.filter((f) => f.type !== syncProtocol.messageYjsSyncStep1).map((f) => Buffer.from(f.payload).toString('base64'));
    // Unasked, at once: the stored updates. Then the answer to its sync step 1: nothing more.
    expect(sent.slice(0, -1).sort()).toEqual(stored.map((u) => Buffer.from(u).toString('base64')).sort());
    expect(sent.at(-1)).toBe(Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())).toString('base64'));
    expect(listClaims(fresh.doc)).toHaveLength(20);
    await settle(20); // the greeting comes after the article (on the next turn)
    expect(fresh.answerGreeting()).toBe('accepted');
    expect(room.isResting).toBe(true);
  });

  it('answers a returning client with only what is newer, and a step 2 of deletions it has with no wake-up', async () => {
    const { room } = seededRoom(closers, 20);
    const first = client(room, anna);
    first.open();
    const id = listClaims(first.doc)[0].id;
    updateClaim(first.doc, id, { rationale: 'edited once' }); // a deletion in the doc's delete set
    expect(room.isResting).toBe(false);
    await rested(room);
    first.leave();

    const returning = client(room, anna, first.doc); // same state as the room: nothing is newer
    returning.open();
    const answer = returning.frames.find((f) => f.type === syncProtocol.messageYjsSyncStep2)!;
    expect(answer.bytes).toBeLessThan(100);
    expect(returning.answerGreeting()).toBe('accepted'); // its whole delete set, all known
    expect(room.isResting).toBe(true);
  });

  it('wakes for a write, serves it to later clients from the log once at rest again', async () => {
    const { room, log } = seededRoom(closers, 5);
    const writer = client(room, anna);
    writer.open();
    const id = createClaim(writer.doc, anna, { target, verdict: 'false', rationale: 'written while awake', sources: [] });
    expect(room.isResting).toBe(false);
    const watcher = client(room, otto);
    watcher.open(); // joins the awake room: served from the doc
    createClaim(writer.doc, anna, { target, verdict: 'mixed', rationale: 'seen live', sources: [] });
    // Broadcast once on disk.
    await until(() => listClaims(watcher.doc).some((c) => c.rationale === 'seen live'));
    await rested(room);
    const later = client(room, otto);
    later.open();
    expect(listClaims(later.doc).find((c) => c.id === id)?.rationale).toBe('written while awake');
    expect(listClaims(later.doc)).toHaveLength(7);
    const reloaded = new Y.Doc();
    for (const update of log.load(DOC)) Y.applyUpdate(reloaded, update);
    expect(listClaims(reloaded)).toHaveLength(7);
  });

  it('still checks what wakes it: a viewer cannot write into a resting room', () => {
    const { room, log } = seededRoom(closers, 3);
    const viewer = client(room, otto);
    viewer.open();
    const before = log.load(DOC).length;
    createClaim(viewer.doc, otto, { target, verdict: 'true', rationale: 'not allowed', sources: [] });
    expect(viewer.rejections).toHaveLength(1);
    expect(log.load(DOC)).toHaveLength(before);
    const other = client(room, anna);
    other.open();
    expect(listClaims(other.doc)).toHaveLength(3);
  });

  it('sends a big article before its greeting, and greets at once when it knows its state vector', async () => {
    const { room } = seededRoom(closers, 10);
    const fresh = client(room, anna);
    fresh.open();
    // Not summarised yet: the article (step 2) leaves first, the state vector (step 1) after.
    expect(fresh.frames[0].type).not.toBe(syncProtocol.messageYjsSyncStep1);
    await settle(20);
    expect(fresh.frames.at(-1)?.type).toBe(syncProtocol.messageYjsSyncStep1);
    const next = client(room, anna);
    next.open();
    expect(next.frames[0].type).toBe(syncProtocol.messageYjsSyncStep1);
  });
});

describe('storing what peers send', () => {
  it('stores and relays an update as it came, and a repeated one not at all', async () => {
    const { room, log } = seededRoom(closers, 2);
    const writer = client(room, anna);
    const watcher = client(room, otto);
    writer.open();
    watcher.open();
    const before = watcher.frames.length;
    const sent: Uint8Array[] = [];
    writer.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'room' && sent.push(update));
    const length = log.load(DOC).length;
    createClaim(writer.doc, anna, { target, verdict: 'true', rationale: 'stored as sent', sources: [] });
    const updatesTo = (frames: typeof watcher.frames) => frames.slice(before).filter((f) => f.type === syncProtocol.messageYjsUpdate);
    // The claim as sent, then the server's own stamps on it (its times, status and "created" entry).
    await until(() => log.load(DOC).length >= length + 2 && updatesTo(watcher.frames).length >= 2);
    const stored = log.load(DOC);
    expect(Buffer.from(stored[length]).equals(Buffer.from(sent[0]))).toBe(true);
    const relayed = updatesTo(watcher.frames);
    expect(relayed.map((f) => Buffer.from(f.payload).equals(Buffer.from(sent[0])))).toEqual([true, false]);

    expect(room.receiveUpdate({ actor: anna, send: () => {}, close: () => {} }, sent[0])).toBe('accepted');
    await settle(10);
    expect(log.load(DOC)).toHaveLength(stored.length);
    expect(updatesTo(watcher.frames)).toHaveLength(2);
  });
});
