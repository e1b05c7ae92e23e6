/**
 * What the server records after accepting edits: one person's quick edits of one claim are one
 * "edited" entry naming every field they changed; a review step (any server write) records what
 * waits first, so the history keeps the order things happened in; an edit of a signed-off claim
 * is recorded and reopens it within its turn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { readClaim, setClaimStatus, updateClaim, type Actor } from '@factdesk/shared';
import { client, seededRoom, until } from '../testing/room-harness.js';
import type { Room } from './room.js';

const anna = { id: 'u-anna', name: 'Anna', role: 'annotator' } as Actor;
const rita = { id: 'u-rita', name: 'Rita', role: 'reviewer' } as Actor;
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).reverse().forEach((f) => f()));

async function joined(room: Room, actor: Actor) {
  const c = client(room, actor);
  c.open();
  await until(() => c.frames.some((f) => f.type === syncProtocol.messageYjsSyncStep1));
  c.answerGreeting();
  return c;
}

const edits = (room: Room, id: string) => readClaim(room.doc, id)!.history.filter((e) => e.action === 'edited');
const approve = (id: string) => (doc: Parameters<typeof setClaimStatus>[0]) =>
  setClaimStatus(doc, id, 'approved', rita, { action: 'approved' }, { decision: 'approved', reviewer: rita, at: new Date().toISOString(), comment: '' });

describe("the server's records of accepted edits", () => {
  it('gathers one person’s quick edits of one claim into one entry naming every field', async () => {
    const { room, ids } = seededRoom(closers, 1, { restAfterMs: 60_000, editRecordDelayMs: 50 });
    const author = await joined(room, anna);
    updateClaim(author.doc, ids[0], { rationale: 'First draft.' });
    updateClaim(author.doc, ids[0], { rationale: 'Second draft.' });
    updateClaim(author.doc, ids[0], { verdict: 'mixed' });
    expect(edits(room, ids[0])).toEqual([]);
    await until(() => edits(room, ids[0]).length > 0);
    expect(edits(room, ids[0]).map((e) => [e.by.id, e.fields])).toEqual([[anna.id, ['rationale', 'verdict']]]);
    expect(readClaim(room.doc, ids[0])!.updatedAt).toBe(edits(room, ids[0])[0].at);
  });

  it('records what waits before a review step, so the sign-off comes after the edit in the history', async () => {
    const { room, ids } = seededRoom(closers, 1, { restAfterMs: 60_000, editRecordDelayMs: 60_000 });
    const author = await joined(room, anna);
    updateClaim(author.doc, ids[0], { rationale: 'Sourced now.' });
    room.change(approve(ids[0]));
    expect(readClaim(room.doc, ids[0])!.history.map((e) => e.action)).toEqual(['created', 'edited', 'approved']);
  });

  it('records an edit of a signed-off claim and reopens it within its turn', async () => {
    const { room, ids } = seededRoom(closers, 1, { restAfterMs: 60_000, editRecordDelayMs: 60_000 });
    const author = await joined(room, anna);
    room.change(approve(ids[0]));
    updateClaim(author.doc, ids[0], { verdict: 'false' });
    await until(() => readClaim(room.doc, ids[0])!.status === 'in-review');
    expect(readClaim(room.doc, ids[0])!.history.map((e) => e.action)).toEqual(['created', 'approved', 'edited', 'reopened']);
  });
});
