/**
 * The review steps a claim card offers: the author submits a claim for review, a reviewer
 * approves it or sends it back with a comment. Each asks the shared status rule first (the
 * one the server enforces), so a refusal shows at once, then asks the server to take the step:
 * the status, the review and the history entry are the server's to write.
 */
import type * as Y from 'yjs';
import { LIMITS, readClaim, statusChangeRefusal, type Actor, type Claim, type ClaimStatus } from '@factdesk/shared';
import { transitionClaim, type ClaimTransition } from '../api/claims.js';
import { currentRules } from '../settings/workspace-rules.js';

/** The article a command works on: its doc (to check first) and its id (to ask the server). */
export interface ReviewTarget {
  readonly doc: Y.Doc;
  readonly docId: string;
}

/** How a step reaches the server; tests hand in their own. */
export type SendTransition = (docId: string, claimId: string, action: ClaimTransition, comment?: string) => Promise<void>;

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
export async function submitForReview(article: ReviewTarget, user: Actor, id: string, send: SendTransition = transitionClaim): Promise<void> {
  claimToMove(article.doc, user, id, 'in-review');
  await send(article.docId, id, 'submit');
}

/** Signs off a claim in review in the name of `user`. */
export async function approveClaim(article: ReviewTarget, user: Actor, id: string, send: SendTransition = transitionClaim): Promise<void> {
  claimToMove(article.doc, user, id, 'approved');
  await send(article.docId, id, 'approve');
}

/** Why a request for changes cannot be sent with this comment; null when it can. */
export function reviewCommentProblem(comment: string): string | null {
  const text = comment.trim();
  if (!text) return 'Say what needs to change.';
  if (text.length > LIMITS.comment) return `The comment is too long (at most ${LIMITS.comment} characters).`;
  return null;
}

/** Sends a claim in review back to its author with `comment` saying what to change. */
export async function requestChanges(article: ReviewTarget, user: Actor, id: string, comment: string, send: SendTransition = transitionClaim): Promise<void> {
  const problem = reviewCommentProblem(comment);
  if (problem) throw new Error(problem);
  claimToMove(article.doc, user, id, 'changes-requested');
  await send(article.docId, id, 'request-changes', comment.trim());
}
