import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS, createClaim, personRef, readClaim, setClaimStatus, targetFromRange, type Actor } from '@factdesk/shared';
import { checkUpdate } from '../../../server/src/validation/index.js';
import { rangeOf, seedIndex } from '../test/seed-article.js';
import { approveClaim, requestChanges, reviewCommentProblem, submitForReview } from './review-commands.js';

const ana: Actor = { id: 'u-ana', login: 'ana', name: 'Ana Annotator', role: 'annotator' };
const ben: Actor = { id: 'u-ben', login: 'ben', name: 'Ben Baker', role: 'annotator' };
const rita: Actor = { id: 'u-rita', login: 'rita', name: 'Rita Reviewer', role: 'reviewer' };
const now = new Date(Date.UTC(2025, 2, 1, 12, 0, 0));

/** The server's copy of an article with a draft by Ana and claims in review by Ana and by Rita. */
function serverDoc() {
  const doc = new Y.Doc();
  const claimBy = (who: Actor, quote: string) => {
    const { start, end } = rangeOf(quote);
    return createClaim(doc, personRef(who), { target: targetFromRange(seedIndex.text, start, end, 1), verdict: 'false', rationale: 'Checked.', sources: [] });
  };
  const draft = claimBy(ana, 'Riyadh, Saudi Arabia');
  const anasInReview = claimBy(ana, 'a three-page document');
  setClaimStatus(doc, anasInReview, 'in-review', personRef(ana), { action: 'submitted' });
  const ritasInReview = claimBy(rita, 'consisting of just three paragraphs');
  setClaimStatus(doc, ritasInReview, 'in-review', personRef(rita), { action: 'submitted' });
  return { doc, draft, anasInReview, ritasInReview };
}

/**
 * Runs a command on `user`'s client copy of the server doc and hands the resulting update to the
 * server's validation gate; applies it there when accepted. Returns the gate's verdict and the server doc.
 */
function onClient(user: Actor, command: (client: Y.Doc, ids: ReturnType<typeof serverDoc>) => void, server = serverDoc()) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server.doc));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  command(client, server);
  const update = Y.mergeUpdates(updates);
  const check = checkUpdate(server.doc, update, user, new Map());
  if (check.ok) Y.applyUpdate(server.doc, update);
  return { ...server, check, written: updates.length > 0 };
}

describe('review commands', () => {
  it('an author submits their draft for review and the server accepts it', () => {
    const { doc, draft, check } = onClient(ana, (client, ids) => submitForReview(client, ana, ids.draft, now));
    expect(check).toMatchObject({ ok: true });
    const claim = readClaim(doc, draft)!;
    expect(claim.status).toBe('in-review');
    expect(claim.review).toBeNull();
    expect(claim.history.at(-1)).toEqual({ at: now.toISOString(), by: personRef(ana), action: 'submitted' });
  });

  it('a colleague cannot submit the draft, and nothing is written', () => {
    const { written } = onClient(ben, (client, ids) => {
      expect(() => submitForReview(client, ben, ids.draft)).toThrow('Only the author can submit this claim for review.');
    });
    expect(written).toBe(false);
  });

  it('a reviewer approves a colleague’s claim in review, signed off in their own name', () => {
    const { doc, anasInReview, check } = onClient(rita, (client, ids) => approveClaim(client, rita, ids.anasInReview, now));
    expect(check).toMatchObject({ ok: true });
    const claim = readClaim(doc, anasInReview)!;
    expect(claim.status).toBe('approved');
    expect(claim.review).toEqual({ decision: 'approved', reviewer: { id: 'u-rita', name: 'Rita Reviewer' }, at: now.toISOString(), comment: '' });
    expect(claim.history.at(-1)).toEqual({ at: now.toISOString(), by: personRef(rita), action: 'approved' });
  });

  it('a reviewer cannot approve their own claim (two-person rule)', () => {
    const { written } = onClient(rita, (client, ids) => {
      expect(() => approveClaim(client, rita, ids.ritasInReview)).toThrow('A reviewer cannot approve or reject a claim they wrote.');
    });
    expect(written).toBe(false);
  });

  it('the server would refuse that self-approval too, had the command written it', () => {
    const { check } = onClient(rita, (client, ids) => {
      const review = { decision: 'approved' as const, reviewer: personRef(rita), at: now.toISOString(), comment: '' };
      setClaimStatus(client, ids.ritasInReview, 'approved', personRef(rita), { action: 'approved' }, review, now);
    });
    expect(check).toMatchObject({ ok: false, reason: 'a reviewer cannot approve or reject a claim they wrote' });
  });

  it('an annotator cannot approve, and nobody approves a draft', () => {
    onClient(ben, (client, ids) => expect(() => approveClaim(client, ben, ids.anasInReview)).toThrow(/only a reviewer/i));
    onClient(rita, (client, ids) => expect(() => approveClaim(client, rita, ids.draft)).toThrow(/only a claim in review/i));
  });

  it('a claim already signed off is not signed off a second time', () => {
    const server = onClient(rita, (client, ids) => approveClaim(client, rita, ids.anasInReview, now));
    const admin: Actor = { id: 'u-admin', login: 'admin', name: 'Ada Admin', role: 'admin' };
    const { written } = onClient(admin, (client, ids) => {
      expect(() => approveClaim(client, admin, ids.anasInReview)).toThrow('This claim is already signed off.');
    }, server);
    expect(written).toBe(false);
  });

  it('a reviewer requests changes with a comment, which the review and the history keep', () => {
    const comment = '  Add the UN press release as a source.  ';
    const { doc, anasInReview, check } = onClient(rita, (client, ids) => requestChanges(client, rita, ids.anasInReview, comment, now));
    expect(check).toMatchObject({ ok: true });
    const claim = readClaim(doc, anasInReview)!;
    expect(claim.status).toBe('changes-requested');
    expect(claim.review).toEqual({ decision: 'changes-requested', reviewer: personRef(rita), at: now.toISOString(), comment: 'Add the UN press release as a source.' });
    expect(claim.history.at(-1)).toEqual({ at: now.toISOString(), by: personRef(rita), action: 'changes-requested', note: 'Add the UN press release as a source.' });
  });

  it('a request for changes without a comment is refused before anything is written', () => {
    expect(reviewCommentProblem(' \n ')).toBe('Say what needs to change.');
    const { written } = onClient(rita, (client, ids) => {
      expect(() => requestChanges(client, rita, ids.anasInReview, '   ')).toThrow('Say what needs to change.');
    });
    expect(written).toBe(false);
  });

  it('a long comment is kept whole in the review and shortened in the history, which the server accepts', () => {
    const comment = '😀'.repeat(LIMITS.historyNote);
    const { doc, anasInReview, check } = onClient(rita, (client, ids) => requestChanges(client, rita, ids.anasInReview, comment, now));
    expect(check).toMatchObject({ ok: true });
    const claim = readClaim(doc, anasInReview)!;
    expect(claim.review?.comment).toBe(comment);
    const note = claim.history.at(-1)!.note!;
    expect(note.length).toBeLessThanOrEqual(LIMITS.historyNote);
    expect(note.endsWith('😀…')).toBe(true);
  });

  it('an author resubmits after changes were requested, and the request stays on record', () => {
    const server = onClient(rita, (client, ids) => requestChanges(client, rita, ids.anasInReview, 'Add a source.', now));
    const { doc, anasInReview, check } = onClient(ana, (client, ids) => submitForReview(client, ana, ids.anasInReview, now), server);
    expect(check).toMatchObject({ ok: true });
    const claim = readClaim(doc, anasInReview)!;
    expect(claim.status).toBe('in-review');
    expect(claim.review).toMatchObject({ decision: 'changes-requested', comment: 'Add a source.' });
    expect(claim.history.map((h) => h.action)).toEqual(['created', 'submitted', 'changes-requested', 'submitted']);
  });
});
