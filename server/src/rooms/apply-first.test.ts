/**
 * A live edit of someone who may annotate is applied and checked in one transaction (docs/adr/
 * 0001). A refused one is then in the room's doc: the room drops the doc and the
 * sender's later updates are checked before they are applied. Nothing of a refused update is
 * stored, relayed or told to the claims listeners.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { createClaim, listClaims, readClaim, updateClaim, type Actor } from '@factdesk/shared';
import { DOC, client, seededRoom, target, until } from '../testing/room-harness.js';
import type { ClaimsChange } from './types.js';

const anna = { id: 'u-anna', name: 'Anna', role: 'annotator' } as Actor;
const bert = { id: 'u-bert', name: 'Bert', role: 'annotator' } as Actor;
const vera = { id: 'u-vera', name: 'Vera', role: 'viewer' } as Actor;
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).reverse().forEach((f) => f()));

/** A room with two claims by Anna, a watcher in it, and every claims change it reports (who, which rationale). */
function watchedRoom() {
  const changes: { actor: string | null; rationales: (string | undefined)[] }[] = [];
  const onClaimsChanged = (change: ClaimsChange) =>
    changes.push({ actor: change.actor?.id ?? null, rationales: change.claimIds.map((id) => readClaim(change.doc, id)?.rationale) });
  const { room, log, ids } = seededRoom(closers, 2, { onClaimsChanged, restAfterMs: 60_000 });
  const watcher = client(room, vera);
  watcher.open();
  void room.doc; // awake, as while people write
  return { room, log, ids, watcher, changes };
}

/** A client that has synced with the room (a resting room greets once it has sent the stored state). */
async function joined(room: Parameters<typeof client>[0], actor: Actor) {
  const c = client(room, actor);
  c.open();
  await until(() => c.frames.some((f) => f.type === syncProtocol.messageYjsSyncStep1));
  c.answerGreeting();
  return c;
}

const rationales = (claims: { rationale: string }[]) => claims.map((c) => c.rationale).sort();

const stored = (log: ReturnType<typeof watchedRoom>['log']) => {
  const doc = new Y.Doc();
  for (const update of log.load(DOC)) Y.applyUpdate(doc, update);
  return listClaims(doc);
};

describe('a live edit checked after it is applied', () => {
  it('keeps nothing of a refused one: not stored, not relayed, not told; the room reloads its doc from the log', async () => {
    const { room, log, ids, watcher, changes } = watchedRoom();
    const mallory = await joined(room, bert);
    expect(room.isResting).toBe(false);
    const frames = watcher.frames.length;

    updateClaim(mallory.doc, ids[0], { rationale: 'Bert was here' }); // Anna's claim: not his to edit
    expect(mallory.rejections).toHaveLength(1);
    // The doc held the change for a moment: it is gone, and the room rests until it is needed.
    expect(room.isResting).toBe(true);
    expect(changes.filter((c) => c.actor === bert.id)).toEqual([]);
    expect(rationales(stored(log))).toEqual(['claim 0', 'claim 1']);
    expect(rationales(listClaims(room.doc))).toEqual(['claim 0', 'claim 1']);
    expect(watcher.frames.length).toBe(frames);

    // Anna goes on as before, and everyone sees it.
    const author = await joined(room, anna);
    updateClaim(author.doc, ids[1], { rationale: 'Checked again.' });
    expect(author.rejections).toHaveLength(0);
    await until(() => listClaims(watcher.doc).some((c) => c.rationale === 'Checked again.'));
    expect(changes).toContainEqual({ actor: anna.id, rationales: ['Checked again.'] });
  });

  it('checks the next updates of someone refused that way before applying them: the doc stays', async () => {
    const { room, log, ids } = watchedRoom();
    const first = await joined(room, bert);
    updateClaim(first.doc, ids[0], { rationale: 'one' });
    expect(room.isResting).toBe(true);

    // A fresh session of his, as the app makes after a refusal: refused again, without a reload.
    const second = await joined(room, bert);
    void room.doc;
    updateClaim(second.doc, ids[0], { rationale: 'two' });
    expect(second.rejections).toHaveLength(1);
    expect(room.isResting).toBe(false);
    // What he may do still goes through (from a fresh session again).
    const third = await joined(room, bert);
    createClaim(third.doc, bert, { target, verdict: 'mixed', rationale: 'his own', sources: [] });
    expect(third.rejections).toHaveLength(0);
    await until(() => stored(log).length === 3);
    expect(rationales(stored(log))).toEqual(['claim 0', 'claim 1', 'his own']);
  });

  it('holds an edit that builds on a change not here yet, and takes both once it arrives', async () => {
    const { room, log, ids, watcher } = watchedRoom();
    // Anna works in two tabs; the first tab's new claim has not reached the server yet.
    const tab1 = await joined(room, anna);
    const tab2 = await joined(room, anna);
    let unsent: Uint8Array | null = null;
    tab1.doc.once('update', (update: Uint8Array) => (unsent = update));
    Y.transact(tab1.doc, () => void createClaim(tab1.doc, anna, { target, verdict: 'true', rationale: 'from tab 1', sources: [] }), 'unsent');
    Y.applyUpdate(tab2.doc, unsent!, 'room');
    const id = listClaims(tab2.doc).find((c) => c.rationale === 'from tab 1')!.id;

    updateClaim(tab2.doc, id, { rationale: 'edited in tab 2' });
    expect(tab2.rejections).toHaveLength(0);
    expect(stored(log)).toHaveLength(2);

    expect(tab1.send(unsent!)).toBe('accepted');
    await until(() => listClaims(watcher.doc).some((c) => c.rationale === 'edited in tab 2'));
    expect(rationales(stored(log))).toEqual(['claim 0', 'claim 1', 'edited in tab 2']);
    expect(ids).toHaveLength(2);
  });

  it('drops the doc for a live edit Yjs cannot read to the end, and keeps what was accepted before it', async () => {
    const { room, log, ids } = watchedRoom();
    const author = await joined(room, anna);
    updateClaim(author.doc, ids[0], { rationale: 'kept' });
    expect(author.rejections).toHaveLength(0);
    // The same client's next edit, cut short inside its delete set: its items are read (and
    // integrated) before Yjs finds the end missing.
    const next = new Y.Doc();
    Y.applyUpdate(next, Y.encodeStateAsUpdate(author.doc));
    next.clientID = author.doc.clientID;
    const edits: Uint8Array[] = [];
    next.on('update', (u: Uint8Array) => edits.push(u));
    updateClaim(next, ids[1], { rationale: 'cut short' });
    const cut = edits[0].slice(0, edits[0].length - 1);
    expect(author.send(cut)).toBe('malformed');
    expect(room.isResting).toBe(true);
    expect(rationales(stored(log))).toEqual(['claim 1', 'kept']);
    expect(rationales(listClaims(room.doc))).toEqual(['claim 1', 'kept']);
  });
});
