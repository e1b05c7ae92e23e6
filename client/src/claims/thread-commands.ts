/**
 * What a person does in a claim's discussion: reply, edit or delete a comment, resolve or
 * reopen the thread. Each asks the shared rules first (the ones the server enforces), so a
 * refusal shows at once, and writes comments through the shared accessors in the signed-in
 * person's name; resolving is asked of the server, which writes it.
 */
import type * as Y from 'yjs';
import {
  LIMITS,
  canComment,
  canDeleteComment,
  canEditComment,
  canResolveThread,
  deleteComment,
  editComment,
  personRef,
  readClaim,
  replyToClaim,
  type Actor,
  type Claim,
  type Comment,
} from '@factdesk/shared';
import { setThreadResolution } from '../api/claims.js';

/** Why this text cannot be posted; null when it can. */
export function commentProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'Write something first.';
  if (trimmed.length > LIMITS.comment) return `The comment is too long (at most ${LIMITS.comment} characters).`;
  return null;
}

function claimOf(doc: Y.Doc, id: string): Claim {
  const claim = readClaim(doc, id, { history: false });
  if (!claim) throw new Error('This claim no longer exists.');
  return claim;
}

function commentOf(doc: Y.Doc, claimId: string, commentId: string): Comment {
  const comment = claimOf(doc, claimId).thread.find((c) => c.id === commentId);
  if (!comment) throw new Error('This comment no longer exists.');
  return comment;
}

function checked(text: string): string {
  const problem = commentProblem(text);
  if (problem) throw new Error(problem);
  return text.trim();
}

/** Adds `text` to the claim's thread as `user`; returns the new comment's id. */
export function reply(doc: Y.Doc, user: Actor, claimId: string, text: string, now = new Date()): string {
  if (!canComment(user)) throw new Error('Viewers cannot comment.');
  const body = checked(text);
  claimOf(doc, claimId);
  return replyToClaim(doc, claimId, personRef(user), body, now);
}

/** Replaces the text of one of `user`'s own comments. */
export function changeComment(doc: Y.Doc, user: Actor, claimId: string, commentId: string, text: string, now = new Date()): void {
  const body = checked(text);
  if (!canEditComment(user, commentOf(doc, claimId, commentId))) throw new Error('You can edit only your own comments.');
  editComment(doc, claimId, commentId, personRef(user), body, now);
}

/** Deletes a comment: one's own, or any as an admin. */
export function removeComment(doc: Y.Doc, user: Actor, claimId: string, commentId: string): void {
  if (!canDeleteComment(user, commentOf(doc, claimId, commentId))) throw new Error('You can delete only your own comments.');
  deleteComment(doc, claimId, commentId);
}

/** How a resolution reaches the server; tests hand in their own. */
export type SendResolution = (docId: string, claimId: string, resolved: boolean) => Promise<void>;

/** Asks the server to mark the thread resolved by `user` (true) or reopen it (false): a resolution is the server's to write. */
export async function resolveThread(
  article: { readonly doc: Y.Doc; readonly docId: string },
  user: Actor,
  claimId: string,
  resolved: boolean,
  send: SendResolution = setThreadResolution,
): Promise<void> {
  if (!canResolveThread(user)) throw new Error('Viewers cannot resolve threads.');
  const claim = claimOf(article.doc, claimId);
  if (!!claim.threadResolved === resolved) throw new Error(resolved ? 'This thread is already resolved.' : 'This thread is already open.');
  await send(article.docId, claimId, resolved);
}
