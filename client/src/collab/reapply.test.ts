import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaim, deleteClaim, deleteComment, listClaims, readClaim, replyToClaim, setClaimStatus, setThreadResolved, targetFromRange, updateClaim, type Actor, type Claim } from '@factdesk/shared';
import { checkUpdate } from '../../../server/src/validation/index.js';
import { rangeOf, seedIndex } from '../test/seed-article.js';
import { changeKey, describeChange, pendingChanges, reapplyChanges } from './reapply.js';

const anna: Actor = { id: 'u-anna', login: 'anna', name: 'Anna', role: 'annotator' };
const rita: Actor = { id: 'u-rita', login: 'rita', name: 'Rita', role: 'annotator' };

function targetOf(quote: string) {
  const { start, end } = rangeOf(quote);
  return targetFromRange(seedIndex.text, start, end, 1);
}

function claimBy(doc: Y.Doc, who: Actor, quote: string, rationale = ''): string {
  return createClaim(doc, who, { target: targetOf(quote), verdict: 'true', rationale, sources: [] });
}

/** A separate doc with the same state (the client's copy, or the server's state sent again). */
function copy(doc: Y.Doc): Y.Doc {
  const clone = new Y.Doc();
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc));
  return clone;
}

const byId = (doc: Y.Doc) => new Map<string, Claim>(listClaims(doc).map((c) => [c.id, c]));

describe('re-applying pending changes after a rejection', () => {
  it("puts back the person's own creations, edits and deletions, and drops the edit the rules refuse", () => {
    const server = new Y.Doc();
    const annasOld = claimBy(server, anna, 'Riyadh', 'first thoughts');
    const annasDoomed = claimBy(server, anna, 'Saudi Arabia');
    const ritas = claimBy(server, rita, 'Russia', 'Rita wrote this');
    const local = copy(server);

    // Offline, Anna creates a claim, edits and deletes her own, and edits Rita's (refused).
    const created = claimBy(local, anna, 'Ukraine', 'new while offline');
    updateClaim(local, annasOld, { rationale: 'better thoughts', verdict: 'mixed' });
    deleteClaim(local, annasDoomed);
    updateClaim(local, ritas, { rationale: 'Anna overwrote it' });
    const touched = [created, annasOld, annasDoomed, ritas];

    // The server refused it all; the session starts again from the server's state.
    const fresh = copy(server);
    const changes = pendingChanges(byId(local), fresh, touched);
    expect(changes.map((c) => [c.kind, c.claim.id])).toEqual([
      ['create', created],
      ['update', annasOld],
      ['delete', annasDoomed],
      ['update', ritas],
    ]);

    const dropped = reapplyChanges(fresh, anna, changes);
    expect(dropped.map((d) => [d.change.claim.id, d.reason])).toEqual([[ritas, 'you can edit only your own claims']]);
    expect(readClaim(fresh, annasOld)).toMatchObject({ rationale: 'better thoughts', verdict: 'mixed' });
    expect(readClaim(fresh, annasDoomed)).toBeNull();
    expect(readClaim(fresh, ritas)?.rationale).toBe('Rita wrote this');
    const recreated = listClaims(fresh).find((c) => c.rationale === 'new while offline');
    expect(recreated?.author.id).toBe(anna.id);
    expect(recreated?.target.quote.exact).toBe('Ukraine');
  });

  it("never puts back a status: the server writes it, and the server's doc has the newer one", () => {
    const server = new Y.Doc();
    const annas = claimBy(server, anna, 'Riyadh', 'ready');
    const local = copy(server);
    setClaimStatus(server, annas, 'in-review', anna, { action: 'submitted' });
    const fresh = copy(server);
    // The old local doc still has the draft; the server moved it on since.
    expect(pendingChanges(byId(local), fresh, [annas])).toEqual([]);
    expect(readClaim(fresh, annas)?.status).toBe('in-review');
  });

  it('re-applies each claim in its own transaction', () => {
    const server = new Y.Doc();
    const mine = claimBy(server, anna, 'Riyadh');
    const local = copy(server);
    claimBy(local, anna, 'Ukraine');
    updateClaim(local, mine, { rationale: 'edited' });
    const fresh = copy(server);
    let transactions = 0;
    fresh.on('afterTransaction', (t) => t.changed.size && transactions++);
    reapplyChanges(fresh, anna, pendingChanges(byId(local), fresh, listClaims(local).map((c) => c.id)));
    expect(transactions).toBe(2);
  });

  it('leaves alone claims this client did not touch, even when they differ', () => {
    const server = new Y.Doc();
    const ritas = claimBy(server, rita, 'Russia', 'old');
    const local = copy(server);
    updateClaim(server, ritas, { rationale: 'Rita changed it since' });
    expect(pendingChanges(byId(local), copy(server), [])).toEqual([]);
  });

  it('finds nothing to re-apply when the server already has the same content', () => {
    const server = new Y.Doc();
    const mine = claimBy(server, anna, 'Riyadh', 'same');
    const local = copy(server);
    expect(pendingChanges(byId(local), copy(server), [mine])).toEqual([]);
  });

  it('does not re-create a claim someone else wrote, and a viewer re-applies nothing', () => {
    const server = new Y.Doc();
    const local = copy(server);
    const ritas = claimBy(local, rita, 'Russia');
    const changes = pendingChanges(byId(local), copy(server), [ritas]);
    expect(reapplyChanges(copy(server), anna, changes).map((d) => d.reason)).toEqual(['the claim was written by someone else']);
    expect(reapplyChanges(copy(server), { ...rita, role: 'viewer' }, changes).map((d) => d.reason)).toEqual(['your role cannot change claims']);
  });

  it('recognises a re-created claim as the same change, though it has a new id', () => {
    const first = new Y.Doc();
    const id = claimBy(first, anna, 'Riyadh', 'x');
    const [change] = pendingChanges(byId(first), new Y.Doc(), [id]);
    const second = new Y.Doc();
    reapplyChanges(second, anna, [change]);
    const [again] = pendingChanges(byId(second), new Y.Doc(), listClaims(second).map((c) => c.id));
    expect(again.claim.id).not.toBe(change.claim.id);
    expect(changeKey(again)).toBe(changeKey(change));
  });

  it('describes a dropped change by what it did and the quote', () => {
    const local = new Y.Doc();
    const id = claimBy(local, anna, 'Riyadh');
    const [change] = pendingChanges(byId(local), new Y.Doc(), [id]);
    expect(describeChange(change)).toBe('your new claim on “Riyadh”');
  });

  it("puts back the person's own comments, edits and deletions, and leaves others' comments and the thread's resolution alone", () => {
    const server = new Y.Doc();
    const claim = claimBy(server, rita, 'Riyadh', 'Rita wrote this');
    const annasOld = replyToClaim(server, claim, anna, 'an old remark of mine');
    const ritasRemark = replyToClaim(server, claim, rita, 'Rita says hi');
    const local = copy(server);

    // Offline, Anna replies and deletes her old remark; the server resolved the thread meanwhile.
    replyToClaim(local, claim, anna, 'a new reply, @rita');
    deleteComment(local, claim, annasOld);
    setThreadResolved(server, claim, { by: { id: rita.id, name: rita.name }, at: new Date().toISOString() });
    // The server refused something else; the session starts again from the server's state.
    const fresh = copy(server);
    const changes = pendingChanges(byId(local), fresh, [claim]);
    expect(changes.map((c) => c.kind)).toEqual(['thread']);
    expect(describeChange(changes[0])).toBe('your comments on the claim on “Riyadh”');

    const sent: Uint8Array[] = [];
    fresh.on('update', (u: Uint8Array) => sent.push(u));
    expect(reapplyChanges(fresh, anna, changes)).toEqual([]);
    const thread = readClaim(fresh, claim)!.thread;
    expect(thread.map((c) => c.text)).toEqual(['Rita says hi', 'a new reply, @rita']);
    expect(thread.find((c) => c.id === ritasRemark)?.author.id).toBe(rita.id);
    expect(readClaim(fresh, claim)!.threadResolved?.by.id).toBe(rita.id);
    // And the server's rules accept what was re-applied.
    const check = copy(server);
    for (const update of sent) {
      const result = checkUpdate(check, update, anna, new Map());
      expect(result.ok).toBe(true);
      Y.applyUpdate(check, update);
    }
  });

  it('moves the comments of a claim created offline over to the claim created again', () => {
    const server = new Y.Doc();
    const local = copy(server);
    const created = claimBy(local, anna, 'Ukraine', 'new while offline');
    replyToClaim(local, created, anna, 'a note to self');
    const fresh = copy(server);
    const changes = pendingChanges(byId(local), fresh, [created]);
    expect(changes.map((c) => c.kind)).toEqual(['create', 'thread']);
    expect(reapplyChanges(fresh, anna, changes)).toEqual([]);
    const [recreated] = listClaims(fresh);
    expect(recreated.id).not.toBe(created);
    expect(recreated.thread.map((c) => c.text)).toEqual(['a note to self']);
  });
});
