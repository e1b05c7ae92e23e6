import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS, createStampedClaim, personRef, setClaimStatus, targetFromRange, type Actor } from '@factdesk/shared';
import { rangeOf, seedIndex } from '../test/seed-article.js';
import { approveClaim, requestChanges, reviewCommentProblem, submitForReview, type SendTransition } from './review-commands.js';

const ana: Actor = { id: 'u-ana', login: 'ana', name: 'Ana Annotator', role: 'annotator' };
const ben: Actor = { id: 'u-ben', login: 'ben', name: 'Ben Baker', role: 'annotator' };
const rita: Actor = { id: 'u-rita', login: 'rita', name: 'Rita Reviewer', role: 'reviewer' };

/** A client's copy of an article with a draft by Ana and claims in review by Ana and by Rita. */
function article() {
  const doc = new Y.Doc();
  const claimBy = (who: Actor, quote: string) => {
    const { start, end } = rangeOf(quote);
    return createStampedClaim(doc, personRef(who), { target: targetFromRange(seedIndex.text, start, end, 1), verdict: 'false', rationale: 'Checked.', sources: [] });
  };
  const draft = claimBy(ana, 'Riyadh, Saudi Arabia');
  const anasInReview = claimBy(ana, 'a three-page document');
  setClaimStatus(doc, anasInReview, 'in-review', personRef(ana), { action: 'submitted' });
  const ritasInReview = claimBy(rita, 'consisting of just three paragraphs');
  setClaimStatus(doc, ritasInReview, 'in-review', personRef(rita), { action: 'submitted' });
  const sent: Parameters<SendTransition>[] = [];
  const send: SendTransition = async (...request) => void sent.push(request);
  return { target: { doc, docId: 'doc-1' }, doc, draft, anasInReview, ritasInReview, sent, send };
}

describe('review commands', () => {
  it('an author submits their draft: the server is asked to take the step, and the doc is not written', async () => {
    const a = article();
    const writes: Uint8Array[] = [];
    a.doc.on('update', (u: Uint8Array) => writes.push(u));
    await submitForReview(a.target, ana, a.draft, a.send);
    expect(a.sent).toEqual([['doc-1', a.draft, 'submit']]);
    expect(writes).toEqual([]);
  });

  it('a colleague cannot submit the draft, and nothing is asked of the server', async () => {
    const a = article();
    await expect(submitForReview(a.target, ben, a.draft, a.send)).rejects.toThrow('Only the author can submit this claim for review.');
    expect(a.sent).toEqual([]);
  });

  it('a reviewer approves a colleague’s claim in review', async () => {
    const a = article();
    await approveClaim(a.target, rita, a.anasInReview, a.send);
    expect(a.sent).toEqual([['doc-1', a.anasInReview, 'approve']]);
  });

  it('a reviewer cannot approve their own claim (two-person rule)', async () => {
    const a = article();
    await expect(approveClaim(a.target, rita, a.ritasInReview, a.send)).rejects.toThrow('A reviewer cannot approve or reject a claim they wrote.');
    expect(a.sent).toEqual([]);
  });

  it('an annotator cannot approve, and nobody approves a draft', async () => {
    const a = article();
    await expect(approveClaim(a.target, ben, a.anasInReview, a.send)).rejects.toThrow(/only a reviewer/i);
    await expect(approveClaim(a.target, rita, a.draft, a.send)).rejects.toThrow(/only a claim in review/i);
    expect(a.sent).toEqual([]);
  });

  it('a claim already signed off is not signed off a second time', async () => {
    const a = article();
    const review = { decision: 'approved' as const, reviewer: personRef(rita), at: new Date().toISOString(), comment: '' };
    setClaimStatus(a.doc, a.anasInReview, 'approved', personRef(rita), { action: 'approved' }, review);
    const admin: Actor = { id: 'u-admin', login: 'admin', name: 'Ada Admin', role: 'admin' };
    await expect(approveClaim(a.target, admin, a.anasInReview, a.send)).rejects.toThrow('This claim is already signed off.');
    expect(a.sent).toEqual([]);
  });

  it('a reviewer requests changes with a comment, sent trimmed', async () => {
    const a = article();
    await requestChanges(a.target, rita, a.anasInReview, '  Add the UN press release as a source.  ', a.send);
    expect(a.sent).toEqual([['doc-1', a.anasInReview, 'request-changes', 'Add the UN press release as a source.']]);
  });

  it('a request for changes without a comment, or with too long a one, is refused before anything is sent', async () => {
    const a = article();
    expect(reviewCommentProblem(' \n ')).toBe('Say what needs to change.');
    expect(reviewCommentProblem('x'.repeat(LIMITS.comment + 1))).toMatch(/too long/);
    await expect(requestChanges(a.target, rita, a.anasInReview, '   ', a.send)).rejects.toThrow('Say what needs to change.');
    expect(a.sent).toEqual([]);
  });

  it("the server's refusal reaches the caller as it was worded", async () => {
    const a = article();
    const refuse: SendTransition = () => Promise.reject(new Error('This claim is already in review.'));
    await expect(submitForReview(a.target, ana, a.draft, refuse)).rejects.toThrow('This claim is already in review.');
  });
});
