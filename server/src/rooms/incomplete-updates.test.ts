/**
 * An update whose effect is not fully known when it arrives — a Skip struct, an item that
 * builds on something the server lacks, a deletion of clocks nobody has written yet — is never
 * applied, stored or relayed. It is held (within a byte budget) until what it builds on
 * arrives and then judged whole against the document as it is then, or refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { DEFAULT_RULES, claimsMap, createClaim, listClaims, readClaim, setClaimStatus, updateClaim, type Actor } from '@factdesk/shared';
import { DOC, client, seededRoom, target, until } from '../testing/room-harness.js';
import { Room } from './room.js';

const anna = { id: 'u-anna', name: 'Anna', role: 'annotator' } as Actor;
const bert = { id: 'u-bert', name: 'Bert', role: 'annotator' } as Actor;
const rita = { id: 'u-rita', name: 'Rita', role: 'reviewer' } as Actor;
const vera = { id: 'u-vera', name: 'Vera', role: 'viewer' } as Actor;
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).reverse().forEach((f) => f()));

type Harness = ReturnType<typeof seededRoom>;

/** The document as stored in the log. */
function stored(log: Harness['log']): Y.Doc {
  const doc = new Y.Doc();
  for (const update of log.load(DOC)) Y.applyUpdate(doc, update);
  return doc;
}

/** A copy of the room's doc under a client id of its own, and every update made on it, in order. */
function forger(room: Room) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

/** A client of the room that has synced, as y-websocket clients do. */
async function joined(room: Room, actor: Actor) {
  const c = client(room, actor);
  c.open();
  await until(() => c.frames.some((f) => f.type === syncProtocol.messageYjsSyncStep1));
  c.answerGreeting();
  return c;
}

/** An update holding only a delete set: `len` clocks of `clientId` from `clock`. */
function deletion(clientId: number, clock: number, len: number, skip = false): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, skip ? 1 : 0); // clients with structs
  if (skip) {
    encoding.writeVarUint(e, 1); // one struct
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeUint8(e, 10); // Skip
    encoding.writeVarUint(e, len);
  }
  encoding.writeVarUint(e, 1); // delete set: one client
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

/** A one-item update of `clientId` at `clock`: a string of `bytes` characters in a root array (a gap when `clock` is ahead). */
function itemAt(clientId: number, clock: number, bytes: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 8); // ContentAny, no origins: parent info follows
  encoding.writeVarUint(e, 1); // parent is a root type's name
  encoding.writeVarString(e, 'annotations');
  encoding.writeVarString(e, 'x'.repeat(8));
  encoding.writeVarUint(e, 1);
  encoding.writeUint8(e, 119);
  encoding.writeVarString(e, 'y'.repeat(bytes));
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

describe('an update the server cannot judge whole', () => {
  it('refuses a Skip struct, so an item parked behind it can never slip in unchecked later', async () => {
    const { room, log } = seededRoom(closers, 0, { restAfterMs: 60_000 });
    const watcher = await joined(room, vera);
    const mallory = await joined(room, bert);
    const own = createClaim(mallory.doc, bert, { target, verdict: 'mixed', rationale: 'mine', sources: [] });
    await until(() => readClaim(room.doc, own) !== null);

    const { doc, updates } = forger(room);
    updateClaim(doc, own, { rationale: 'harmless' });
    updateClaim(doc, own, { verdict: 'false' });
    // Overwrites the verdict just written: the item names only its origin, which the Skip hides.
    updateClaim(doc, own, { verdict: 'not-a-verdict' as never });
    const [harmless, filler, forged] = updates.slice(-3);
    const gapped = Y.mergeUpdates([harmless, forged]);
    expect(Y.decodeUpdate(gapped).structs.some((s) => s.constructor.name === 'Skip')).toBe(true);

    const rejectionsBefore = mallory.rejections.length;
    mallory.send(gapped);
    expect(mallory.rejections.length).toBe(rejectionsBefore + 1);
    mallory.send(Y.mergeUpdates([harmless, filler]));
    await until(() => readClaim(watcher.doc, own)?.verdict === 'false');

    for (const doc of [room.doc, stored(log), watcher.doc]) {
      expect(readClaim(doc, own)?.verdict).toBe('false');
      expect(doc.store.pendingStructs).toBeNull();
    }
    expect(JSON.stringify(log.load(DOC).map((u) => Y.decodeUpdate(u)))).not.toContain('not-a-verdict');
  });

  it('stores no deletion of clocks a real user has not written yet, so their later edits reach everyone', async () => {
    const { room, log, ids } = seededRoom(closers, 1, { restAfterMs: 60_000 });
    const watcher = await joined(room, rita);
    const author = await joined(room, anna);
    const spy = await joined(room, vera);
    const next = Y.getState(room.doc.store, author.doc.clientID);
    const logged = log.load(DOC).length;

    spy.send(deletion(author.doc.clientID, next, 1_000, true)); // behind a Skip: refused
    spy.send(deletion(author.doc.clientID, next, 1)); // alone: held, never stored
    expect(log.load(DOC).length).toBe(logged);
    expect(room.doc.store.pendingDs).toBeNull();

    updateClaim(author.doc, ids[0], { rationale: 'Checked with the UN press office.' });
    await until(() => readClaim(watcher.doc, ids[0])?.rationale === 'Checked with the UN press office.');
    expect(readClaim(stored(log), ids[0])?.rationale).toBe('Checked with the UN press office.');
    expect(readClaim(room.doc, ids[0])?.rationale).toBe('Checked with the UN press office.');
    // Once what it named exists, the held deletion is judged: a viewer deletes nothing.
    expect(spy.rejections.length).toBe(2);
  });

  it('judges a held update against the claim as it is when it can finally be applied', async () => {
    const { room, log, ids } = seededRoom(closers, 1, { restAfterMs: 60_000 });
    const author = await joined(room, anna);
    // Anna edits on two devices: the second's verdict overwrites the first's, which is late.
    const laptop = forger(room);
    updateClaim(laptop.doc, ids[0], { verdict: 'mostly-true' });
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(laptop.doc));
    const phoneUpdates: Uint8Array[] = [];
    phone.on('update', (u: Uint8Array) => phoneUpdates.push(u));
    updateClaim(phone, ids[0], { verdict: 'false' });

    author.send(Y.mergeUpdates(phoneUpdates));
    expect(readClaim(room.doc, ids[0])?.verdict).toBe('true'); // held, not applied
    room.change((doc) => setClaimStatus(doc, ids[0], 'approved', rita, { action: 'approved' }, { decision: 'approved', reviewer: rita, at: new Date().toISOString(), comment: '' }));
    author.send(Y.mergeUpdates(laptop.updates));

    await until(() => readClaim(stored(log), ids[0])?.verdict === 'false');
    for (const doc of [room.doc, stored(log)]) {
      const claim = readClaim(doc, ids[0])!;
      expect(claim.status).toBe('in-review'); // the sign-off did not cover the new verdict
      const actions = claim.history.map((entry) => entry.action);
      expect(actions.slice(actions.lastIndexOf('approved'))).toContain('reopened');
    }
  });

  it('holds at most a byte budget per connection and per room, and tells the sender what it dropped', async () => {
    const { room } = seededRoom(closers, 0, { restAfterMs: 60_000, heldBytesPerPeer: 64 * 1024, heldBytesPerRoom: 160 * 1024 });
    const peers = await Promise.all([anna, bert, vera].map((who) => joined(room, who)));
    for (const [i, peer] of peers.entries()) {
      for (let n = 0; n < 10; n++) peer.send(itemAt(900_000 + i, 10 + n, 20_000)); // each waits for clocks 0–9
    }
    expect(room.heldBytes).toBeLessThanOrEqual(160 * 1024);
    for (const peer of peers) expect(peer.rejections.length).toBeGreaterThanOrEqual(6);
  });

  it('re-judges a held update only when what it waits for has arrived', async () => {
    const { room, ids } = seededRoom(closers, 1, { restAfterMs: 60_000 });
    const author = await joined(room, anna);
    const spy = await joined(room, vera);
    for (let n = 0; n < 20; n++) spy.send(itemAt(700_000, 5 + n, 10));
    const judged = room.heldRejudged;
    for (let n = 0; n < 20; n++) updateClaim(author.doc, ids[0], { rationale: `edit ${n}` });
    expect(room.heldRejudged).toBe(judged);
  });
});

describe('a claim field', () => {
  it('holds one value: an item carrying another value before the one the map shows is refused', async () => {
    const { room, log, ids } = seededRoom(closers, 1, { restAfterMs: 60_000 });
    const author = await joined(room, anna);
    const claimItem = (claimsMap(room.doc).get(ids[0]) as Y.Map<unknown>)._item!.id;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, author.doc.clientID);
    encoding.writeVarUint(e, Y.getState(room.doc.store, author.doc.clientID));
    encoding.writeUint8(e, 8 | 32); // ContentAny with a parent key
    encoding.writeVarUint(e, 0); // parent is an item
    encoding.writeVarUint(e, claimItem.client);
    encoding.writeVarUint(e, claimItem.clock);
    encoding.writeVarString(e, 'rationale');
    encoding.writeVarUint(e, 2);
    encoding.writeUint8(e, 119);
    encoding.writeVarString(e, 'h'.repeat(15_000));
    encoding.writeUint8(e, 119);
    encoding.writeVarString(e, 'A short rationale.');
    encoding.writeVarUint(e, 0);
    const logged = log.load(DOC).length;
    author.send(encoding.toUint8Array(e));
    expect(author.rejections).toHaveLength(1);
    expect(log.load(DOC).length).toBe(logged);
    expect(readClaim(room.doc, ids[0])?.rationale).toBe('claim 0');
  });
});

describe("a Yjs client id and its user", () => {
  it('stay bound when the room is loaded again: nobody writes on under an id someone else wrote with', async () => {
    const { room, log, ids, owners } = seededRoom(closers, 1, { restAfterMs: 60_000 });
    const author = await joined(room, anna);
    updateClaim(author.doc, ids[0], { rationale: 'Anna wrote this.' });
    room.destroy(1001, 'restart');

    const again = new Room(DOC, log, () => DEFAULT_RULES, () => {}, { restAfterMs: 60_000, owners });
    closers.push(() => again.destroy(1001, 'test over'));
    const impostor = await joined(again, bert);
    // Bert's doc writes under Anna's client id, continuing her clock, in his own new claim.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(again.doc));
    doc.clientID = author.doc.clientID; // after syncing: Yjs picks a new id when a synced update uses its own
    const sent: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => sent.push(u));
    createClaim(doc, bert, { target, verdict: 'true', rationale: 'under her id', sources: [] });
    impostor.send(sent[0]);
    expect(impostor.rejections).toHaveLength(1);
    expect(listClaims(again.doc).map((c) => c.rationale)).not.toContain('under her id');
  });
});

describe("a document's storage", () => {
  it('is bounded by a quota: past it a change is refused with a clear reason, and deleting still works', async () => {
    const { log, ids } = seededRoom(closers, 1);
    const quota = Y.encodeStateAsUpdate(stored(log)).byteLength + 40_000;
    const room = new Room(DOC, log, () => DEFAULT_RULES, () => {}, { restAfterMs: 60_000, maxDocumentBytes: quota });
    closers.push(() => room.destroy(1001, 'test over'));
    const author = await joined(room, anna);
    updateClaim(author.doc, ids[0], { rationale: 'r'.repeat(15_000) });
    expect(author.rejections).toHaveLength(0);
    const big = createClaim(author.doc, anna, { target, verdict: 'true', rationale: 'z'.repeat(19_000), sources: [] });
    expect(author.rejections).toHaveLength(0);
    createClaim(author.doc, anna, { target, verdict: 'true', rationale: 'q'.repeat(19_000), sources: [] });
    expect(author.rejections).toHaveLength(1);
    expect(new TextDecoder().decode(author.rejections[0])).toContain('storage limit');
    expect(readClaim(room.doc, big)).not.toBeNull();
  });
});

describe("a client's clocks", () => {
  it('never reach past 2^32: a garbage-collected range of enormous length is refused, by either gate', async () => {
    const { room, log } = seededRoom(closers, 1, { restAfterMs: 60_000 });
    const author = await joined(room, anna);
    const spy = await joined(room, bert);
    const gc = (clientId: number, clock: number) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeUint8(e, 0); // GC
      encoding.writeVarUint(e, 2 ** 52);
      encoding.writeVarUint(e, 0);
      return encoding.toUint8Array(e);
    };
    const logged = log.load(DOC).length;
    // A live edit's shape (applied, then checked) and, from someone checked first, the other gate.
    author.send(gc(author.doc.clientID, Y.getState(room.doc.store, author.doc.clientID)));
    spy.send(Y.mergeUpdates([gc(4242, 0), gc(4242, 2 ** 52)]));
    expect(author.rejections).toHaveLength(1);
    expect(spy.rejections).toHaveLength(1);
    expect(log.load(DOC).length).toBe(logged);
    expect(() => stored(log)).not.toThrow();
  });
});

describe('a write that loses to the current value', () => {
  it('changes nothing, so the server records no edit and keeps the sign-off', async () => {
    const { room, log, ids } = seededRoom(closers, 1, { restAfterMs: 60_000 });
    const author = await joined(room, anna);
    // Two of Anna's devices from the same state; the stale one has the lower client id, so its write loses.
    const fresh = forger(room);
    const stale = forger(room);
    fresh.doc.clientID = 2_000_000;
    stale.doc.clientID = 1_000_000;
    updateClaim(fresh.doc, ids[0], { verdict: 'false' });
    author.send(fresh.updates.at(-1)!);
    room.change((doc) => setClaimStatus(doc, ids[0], 'approved', rita, { action: 'approved' }, { decision: 'approved', reviewer: rita, at: new Date().toISOString(), comment: '' }));
    updateClaim(stale.doc, ids[0], { verdict: 'mixed' });
    author.send(stale.updates.at(-1)!);

    await until(() => readClaim(stored(log), ids[0])?.status === 'approved');
    const claim = readClaim(room.doc, ids[0])!;
    expect(claim.verdict).toBe('false');
    expect(claim.status).toBe('approved');
    expect(claim.history.at(-1)?.action).toBe('approved');
  });
});
