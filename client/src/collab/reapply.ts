/**
 * After the server refuses one of our changes, the session drops its whole doc (and the
 * offline copy) and starts again from the server's state — which also drops the person's
 * other changes that the server had not received yet. This module puts those back: it
 * compares the claims of the old local doc with the server's fresh doc and re-applies the
 * differences, through the shared layout functions, one transaction per claim, as the
 * current person. Only claims this client touched are considered (so a newer change by
 * someone else is never overwritten), and a change the shared rules refuse is dropped and
 * reported instead of being sent to be refused again.
 *
 * What is re-applied: a claim created here, a change to a claim's content (target, verdict,
 * rationale, sources, tags), a deletion, and the person's own comments (written, edited or
 * deleted here). A claim's status, review and thread resolution are never in this list: the
 * server writes them in answer to a request (api/claims.ts), which succeeded or failed, and
 * was reported, at the time; where the old doc differs from the server's, the server's is newer.
 */
import type * as Y from 'yjs';
import {
  canAnnotate,
  canDeleteClaim,
  canEditClaim,
  addComment,
  canComment,
  canDeleteComment,
  canEditComment,
  createClaim,
  deleteClaim,
  deleteComment,
  editComment,
  personRef,
  readClaim,
  updateClaim,
  type Actor,
  type Claim,
  type ClaimInput,
} from '@factdesk/shared';

/** One local change that the server's doc does not have. */
export type PendingChange =
  | { kind: 'create'; claim: Claim }
  | { kind: 'update'; claim: Claim }
  | { kind: 'delete'; claim: Claim }
  | { kind: 'thread'; claim: Claim };

/** A change that was not re-applied, and why. */
export interface DroppedChange {
  change: PendingChange;
  reason: string;
}

const CONTENT = ['target', 'verdict', 'rationale', 'sources', 'tags'] as const;

function content(claim: Claim): ClaimInput {
  return { target: claim.target, verdict: claim.verdict, rationale: claim.rationale, sources: claim.sources, tags: claim.tags };
}

function sameThread(a: Claim, b: Claim): boolean {
  return JSON.stringify(a.thread) === JSON.stringify(b.thread);
}

function sameContent(a: Claim, b: Claim): boolean {
  return CONTENT.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/**
 * A stable key for a change, to recognise the same change when the server refuses it again.
 * A re-created claim gets a new id each time, so a creation is known by its content alone.
 */
export function changeKey(change: PendingChange): string {
  if (change.kind === 'delete') return `delete:${change.claim.id}`;
  if (change.kind === 'thread') return `thread:${change.claim.id}:${JSON.stringify(change.claim.thread)}`;
  return `${change.kind}:${change.kind === 'update' ? change.claim.id : ''}:${JSON.stringify(content(change.claim))}`;
}

/** How a dropped change is described to the person, e.g. `your edit of the claim on “Riyadh”`. */
export function describeChange(change: PendingChange): string {
  const what = {
    create: 'new claim',
    update: 'edit of the claim',
    delete: 'deletion of the claim',
    thread: 'comments on the claim',
  }[change.kind];
  return `your ${what} on “${change.claim.target.quote.exact}”`;
}

/**
 * The changes to claims `touched` here whose state in the old local doc (`local`, claims by
 * id) differs from the server's `fresh` doc.
 */
export function pendingChanges(local: ReadonlyMap<string, Claim>, fresh: Y.Doc, touched: Iterable<string>): PendingChange[] {
  const changes: PendingChange[] = [];
  for (const id of new Set(touched)) {
    const mine = local.get(id);
    const theirs = readClaim(fresh, id);
    if (mine && !theirs) changes.push({ kind: 'create', claim: mine });
    else if (!mine && theirs) changes.push({ kind: 'delete', claim: theirs });
    else if (mine && theirs) {
      if (!sameContent(mine, theirs)) changes.push({ kind: 'update', claim: mine });
      if (!sameThread(mine, theirs)) changes.push({ kind: 'thread', claim: mine });
    }
    if (mine && !theirs && mine.thread.length > 0) changes.push({ kind: 'thread', claim: mine });
  }
  return changes;
}

/** Why the shared rules would refuse `change` by `user` on `doc`; null when allowed. */
function refusal(doc: Y.Doc, user: Actor, change: PendingChange): string | null {
  if (!canAnnotate(user)) return 'your role cannot change claims';
  if (change.kind === 'create') return change.claim.author.id === user.id ? null : 'the claim was written by someone else';
  if (change.kind === 'thread') return canComment(user) ? null : 'your role cannot comment';
  const current = readClaim(doc, change.claim.id);
  if (!current) return change.kind === 'delete' ? null : 'the claim no longer exists';
  if (change.kind === 'delete') return canDeleteClaim(user, current) ? null : 'you can delete only your own claims that are not signed off';
  return canEditClaim(user, current) ? null : 'you can edit only your own claims';
}

/**
 * Re-applies `changes` to `doc` as `user`, each claim in its own transaction, skipping those
 * the rules refuse; returns the dropped ones with their reasons.
 */
export function reapplyChanges(doc: Y.Doc, user: Actor, changes: readonly PendingChange[]): DroppedChange[] {
  const dropped: DroppedChange[] = [];
  const by = personRef(user);
  /** Claims created again, by their old id: their comments follow them. */
  const recreated = new Map<string, string>();
  for (const change of changes) {
    const reason = change.kind === 'thread' && !recreated.has(change.claim.id) && !readClaim(doc, change.claim.id)
      ? 'the claim no longer exists'
      : refusal(doc, user, change);
    if (reason) {
      dropped.push({ change, reason });
      continue;
    }
    // A new claim gets a new id (createClaim's); its history starts afresh.
    if (change.kind === 'create') recreated.set(change.claim.id, createClaim(doc, by, content(change.claim)));
    else if (change.kind === 'thread') reapplyThread(doc, user, change.claim, recreated.get(change.claim.id) ?? change.claim.id);
    else if (change.kind === 'update') updateClaim(doc, change.claim.id, content(change.claim));
    else deleteClaim(doc, change.claim.id);
  }
  return dropped;
}

/**
 * Puts back the person's own comments as they are in `mine` (written, edited, deleted here) on
 * claim `id`; everyone else's stay as the server has them.
 */
function reapplyThread(doc: Y.Doc, user: Actor, mine: Claim, id: string): void {
  const current = readClaim(doc, id);
  if (!current) return;
  const by = personRef(user);
  doc.transact(() => {
    const theirs = new Map(current.thread.map((c) => [c.id, c]));
    for (const comment of mine.thread) {
      if (comment.author.id !== user.id) continue;
      const existing = theirs.get(comment.id);
      if (!existing) addComment(doc, id, { ...comment, author: by });
      else if (existing.text !== comment.text && canEditComment(user, existing)) editComment(doc, id, comment.id, by, comment.text);
    }
    const kept = new Set(mine.thread.map((c) => c.id));
    for (const comment of current.thread) {
      if (!kept.has(comment.id) && comment.author.id === user.id && canDeleteComment(user, comment)) deleteComment(doc, id, comment.id);
    }
  });
}
