/**
 * The review steps a claim card offers: the author submits a claim for review, a reviewer
 * approves it or sends it back with a comment. Each asks the shared status rule first (the
 * one the server enforces), so a refusal shows at once instead of as a rejection later, and
 * writes through the shared `setClaimStatus`, stamping the signed-in person as the server expects.
 */
import type * as Y from 'yjs';
import { LIMITS, personRef, readClaim, setClaimStatus, statusChangeRefusal, type Actor, type Claim, type ClaimStatus } from '@factdesk/shared';
import { currentRules } from '../settings/workspace-rules.js';

const ALREADY: Record<ClaimStatus, string> = {
  draft: 'This claim is already a draft.',
  'in-review': 'This claim is already in review.',
  approved: 'This claim is already signed off.',
  'changes-requested': 'Changes have already been requested on this claim.',
};

/** The claim `id` if `user` may move it to `to`; throws a readable refusal otherwise. */
function claimToMove(doc: Y.Doc, user: Actor, id: string, to: ClaimStatus): Claim {
  const claim = readClaim(doc, id, { history: false });
  if (!claim) throw new Error('This claim no longer exists.');
  // The shared rule lets a status be "changed" to itself; here that is a double click or a colleague being quicker.
  if (claim.status === to) throw new Error(ALREADY[to]);
  const refusal = statusChangeRefusal(user, claim, to, currentRules());
  if (refusal) throw new Error(`${refusal.charAt(0).toUpperCase()}${refusal.slice(1)}.`);
  return claim;
}

/** Moves a draft, or a claim sent back for changes, into review. The last review stays on record. */
export function submitForReview(doc: Y.Doc, user: Actor, id: string, now = new Date()): void {
  claimToMove(doc, user, id, 'in-review');
  setClaimStatus(doc, id, 'in-review', personRef(user), { action: 'submitted' }, undefined, now);
}

/** Signs off a claim in review in the name of `user`. */
export function approveClaim(doc: Y.Doc, user: Actor, id: string, now = new Date()): void {
  claimToMove(doc, user, id, 'approved');
  const reviewer = personRef(user);
  const review = { decision: 'approved' as const, reviewer, at: now.toISOString(), comment: '' };
  setClaimStatus(doc, id, 'approved', reviewer, { action: 'approved' }, review, now);
}

/** Why a request for changes cannot be sent with this comment; null when it can. */
export function reviewCommentProblem(comment: string): string | null {
  const text = comment.trim();
  if (!text) return 'Say what needs to change.';
  if (text.length > LIMITS.comment) return `The comment is too long (at most ${LIMITS.comment} characters).`;
  return null;
}

/** The history keeps a bounded note; the full comment stays in the review. */
function historyNote(comment: string): string {
  if (comment.length <= LIMITS.historyNote) return comment;
  let cut = comment.slice(0, LIMITS.historyNote - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never leave half a surrogate pair
  return `${cut}…`;
}

/** Sends a claim in review back to its author with `comment` saying what to change. */
export function requestChanges(doc: Y.Doc, user: Actor, id: string, comment: string, now = new Date()): void {
  const problem = reviewCommentProblem(comment);
  if (problem) throw new Error(problem);
  claimToMove(doc, user, id, 'changes-requested');
  const text = comment.trim();
  const reviewer = personRef(user);
  const review = { decision: 'changes-requested' as const, reviewer, at: now.toISOString(), comment: text };
  setClaimStatus(doc, id, 'changes-requested', reviewer, { action: 'changes-requested', note: historyNote(text) }, review, now);
}
