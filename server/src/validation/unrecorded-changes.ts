/**
 * Every change to what a claim says (target, verdict, rationale, sources) and to where it is
 * in review must show in its history. The app writes the entry with the change; a script may
 * not. Rather than refuse such a change (and lose work), the server appends the missing entry
 * itself, in the name of the person whose change it was, right after accepting it.
 */
import * as Y from 'yjs';
import {
  SIGNED_OFF_FIELDS,
  claimsMap,
  personRef,
  type Actor,
  type Claim,
  type ClaimStatus,
  type ClaimWrite,
  type HistoryEntry,
} from '@factdesk/shared';

/** The history action that records a move to each status. */
const STATUS_ACTION: Record<ClaimStatus, HistoryEntry['action'] | null> = {
  'in-review': 'submitted',
  approved: 'approved',
  'changes-requested': 'changes-requested',
  draft: null, // withdrawn: recorded as an edit of the status
};
const STATUS_ACTIONS = new Set<string>(['submitted', 'approved', 'changes-requested', 'reopened']);

/** The entries `write` should have carried and did not. */
export function missingHistory(write: ClaimWrite, before: Claim | null, actor: Actor, at: string): HistoryEntry[] {
  // Runs for every accepted update, and the app's updates carry their entries: plain loops,
  // nothing allocated unless something is missing.
  const appended = write.historyAppended as Partial<HistoryEntry>[];
  if (write.kind === 'create' || !before) {
    for (const e of appended) if (e.action === 'created') return [];
    return [{ at, by: personRef(actor), action: 'created' }];
  }
  if (write.kind !== 'update') return [];
  let changed: string[] | null = null;
  for (const field of SIGNED_OFF_FIELDS) {
    if (!(field in write.fields) || covers(appended, field)) continue;
    if (JSON.stringify(write.fields[field]) !== JSON.stringify(before[field])) (changed ??= []).push(field);
  }
  const status = write.fields.status as ClaimStatus | undefined;
  const statusMoved = status !== undefined && status !== before.status && !recordsStatus(appended);
  if (!changed && !statusMoved) return [];
  const missing: HistoryEntry[] = [];
  if (changed) missing.push({ at, by: personRef(actor), action: 'edited', fields: changed });
  if (statusMoved) {
    const action = STATUS_ACTION[status];
    const by = personRef(actor);
    missing.push(action ? { at, by, action } : { at, by, action: 'edited', fields: ['status'] });
  }
  return missing;
}

/** Whether one of the appended entries is an edit naming `field`. */
function covers(appended: Partial<HistoryEntry>[], field: string): boolean {
  for (const e of appended) if (e.action === 'edited' && e.fields?.includes(field)) return true;
  return false;
}

/** Whether one of the appended entries records a move of the status. */
function recordsStatus(appended: Partial<HistoryEntry>[]): boolean {
  for (const e of appended) if (STATUS_ACTIONS.has(e.action ?? '') || e.fields?.includes('status')) return true;
  return false;
}

/** Appends the missing history entries of accepted `writes` by `actor`; returns the claim ids it completed. */
export function recordUnrecordedChanges(doc: Y.Doc, writes: ClaimWrite[], before: Map<string, Claim | null>, actor: Actor, now?: Date): string[] {
  const completed: string[] = [];
  let at: string | undefined;
  for (const write of writes) {
    if (write.kind === 'delete') continue;
    // The time is read only when an entry is missing (rarely): it cost as much as the rest.
    const entries = missingHistory(write, before.get(write.claimId) ?? null, actor, '');
    const map = claimsMap(doc).get(write.claimId);
    if (entries.length === 0 || !(map instanceof Y.Map)) continue;
    at ??= (now ?? new Date()).toISOString();
    for (const entry of entries) entry.at = at;
    doc.transact(() => {
      let history = map.get('history');
      if (!(history instanceof Y.Array)) {
        history = new Y.Array<HistoryEntry>();
        map.set('history', history);
      }
      (history as Y.Array<HistoryEntry>).push(entries);
    });
    completed.push(write.claimId);
  }
  return completed;
}
