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
 * rationale, sources, tags) and a deletion. Status changes and comments are not (rare while
 * offline; a review must be redone on the server's state anyway).
 */
import type * as Y from 'yjs';
import { canAnnotate, canDeleteClaim, canEditClaim, createClaim, deleteClaim, personRef, readClaim, updateClaim, type Actor, type Claim, type ClaimInput } from '@factdesk/shared';

/** One local change that the server's doc does not have. */
export type PendingChange =
  | { kind: 'create'; claim: Claim }
  | { kind: 'update'; claim: Claim }
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
  return `${change.kind}:${change.kind === 'update' ? change.claim.id : ''}:${JSON.stringify(content(change.claim))}`;
}

/** How a dropped change is described to the person, e.g. `your edit of the claim on “Riyadh”`. */
export function describeChange(change: PendingChange): string {
  const what = change.kind === 'create' ? 'new claim' : change.kind === 'update' ? 'edit of the claim' : 'deletion of the claim';
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
    else if (mine && theirs && !sameContent(mine, theirs)) changes.push({ kind: 'update', claim: mine });
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
    else deleteClaim(doc, change.claim.id);
  }
  return dropped;
}
