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
 * rationale, sources, tags), a change of its status (submitted, approved, changes requested —
 * with the review that goes with it) and a deletion. Comments have no UI yet, so none can be
 * pending.
 */
import type * as Y from 'yjs';
import {
  STATUS_LABELS,
  canAnnotate,
  canDeleteClaim,
  canEditClaim,
  createClaim,
  deleteClaim,
  personRef,
  readClaim,
  setClaimStatus,
  statusChangeRefusal,
  updateClaim,
  type Actor,
  type Claim,
  type ClaimInput,
  type HistoryEntry,
  type PersonRef,
} from '@factdesk/shared';

/** One local change that the server's doc does not have. */
export type PendingChange =
  | { kind: 'create'; claim: Claim }
  | { kind: 'update'; claim: Claim }
  | { kind: 'status'; claim: Claim }
  | { kind: 'delete'; claim: Claim };

/** A change that was not re-applied, and why. */
export interface DroppedChange {
  change: PendingChange;
  reason: string;
}

const CONTENT = ['target', 'verdict', 'rationale', 'sources', 'tags'] as const;

function content(claim: Claim): ClaimInput {
  return { target: claim.target, verdict: claim.verdict, rationale: claim.rationale, sources: claim.sources, tags: claim.tags };
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
  if (change.kind === 'status') return `status:${change.claim.id}:${change.claim.status}`;
  return `${change.kind}:${change.kind === 'update' ? change.claim.id : ''}:${JSON.stringify(content(change.claim))}`;
}

/** How a dropped change is described to the person, e.g. `your edit of the claim on “Riyadh”`. */
export function describeChange(change: PendingChange): string {
  const what = {
    create: 'new claim',
    update: 'edit of the claim',
    status: `move to “${STATUS_LABELS[change.claim.status]}” of the claim`,
    delete: 'deletion of the claim',
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
      if (mine.status !== theirs.status) changes.push({ kind: 'status', claim: mine });
    }
  }
  return changes;
}

/** Why the shared rules would refuse `change` by `user` on `doc`; null when allowed. */
function refusal(doc: Y.Doc, user: Actor, change: PendingChange): string | null {
  if (!canAnnotate(user)) return 'your role cannot change claims';
  if (change.kind === 'create') return change.claim.author.id === user.id ? null : 'the claim was written by someone else';
  const current = readClaim(doc, change.claim.id);
  if (!current) return change.kind === 'delete' ? null : 'the claim no longer exists';
  if (change.kind === 'delete') return canDeleteClaim(user, current) ? null : 'you can delete only your own claims that are not signed off';
  if (change.kind === 'status') return statusChangeRefusal(user, current, change.claim.status);
  return canEditClaim(user, current) ? null : 'you can edit only your own claims';
}

/**
 * Re-applies `changes` to `doc` as `user`, each claim in its own transaction, skipping those
 * the rules refuse; returns the dropped ones with their reasons.
 */
export function reapplyChanges(doc: Y.Doc, user: Actor, changes: readonly PendingChange[]): DroppedChange[] {
  const dropped: DroppedChange[] = [];
  const by = personRef(user);
  for (const change of changes) {
    const reason = refusal(doc, user, change);
    if (reason) {
      dropped.push({ change, reason });
      continue;
    }
    // A new claim gets a new id (createClaim's); its history starts afresh.
    if (change.kind === 'create') createClaim(doc, by, content(change.claim));
    else if (change.kind === 'update') updateClaim(doc, change.claim.id, by, content(change.claim));
    else if (change.kind === 'status') reapplyStatus(doc, change.claim, by);
    else deleteClaim(doc, change.claim.id);
  }
  return dropped;
}

const STATUS_ACTIONS: Record<Claim['status'], HistoryEntry['action']> = {
  draft: 'edited',
  'in-review': 'submitted',
  approved: 'approved',
  'changes-requested': 'changes-requested',
};

/** Moves the claim to the local status again; a decision carries its review, re-signed now. */
function reapplyStatus(doc: Y.Doc, claim: Claim, by: PersonRef): void {
  const decided = claim.status === 'approved' || claim.status === 'changes-requested';
  const review = decided && claim.review ? { ...claim.review, reviewer: by, at: new Date().toISOString() } : undefined;
  const note = claim.status === 'changes-requested' ? claim.review?.comment.slice(0, 1000) : undefined;
  setClaimStatus(doc, claim.id, claim.status, by, { action: STATUS_ACTIONS[claim.status], ...(note ? { note } : {}) }, review);
}
