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
  const appended = write.historyAppended as Partial<HistoryEntry>[];
  const by = personRef(actor);
  if (write.kind === 'create' || !before) {
    return appended.some((e) => e.action === 'created') ? [] : [{ at, by, action: 'created' }];
  }
  if (write.kind !== 'update') return [];
  const missing: HistoryEntry[] = [];
  const covered = new Set(appended.flatMap((e) => (e.action === 'edited' ? (e.fields ?? []) : [])));
  const changed = SIGNED_OFF_FIELDS.filter(
    (f) => f in write.fields && !covered.has(f) && JSON.stringify(write.fields[f]) !== JSON.stringify(before[f]),
  );
  if (changed.length) missing.push({ at, by, action: 'edited', fields: [...changed] });
  const status = write.fields.status as ClaimStatus | undefined;
  if (status !== undefined && status !== before.status && !appended.some((e) => STATUS_ACTIONS.has(e.action ?? '') || e.fields?.includes('status'))) {
    const action = STATUS_ACTION[status];
    missing.push(action ? { at, by, action } : { at, by, action: 'edited', fields: ['status'] });
  }
  return missing;
}

/** Appends the missing history entries of accepted `writes` by `actor`; returns the claim ids it completed. */
export function recordUnrecordedChanges(doc: Y.Doc, writes: ClaimWrite[], before: Map<string, Claim | null>, actor: Actor, now?: Date): string[] {
  const completed: string[] = [];
  let at: string | undefined;
  for (const write of writes) {
    if (write.kind === 'delete') continue;
    at ??= (now ?? new Date()).toISOString();
    const entries = missingHistory(write, before.get(write.claimId) ?? null, actor, at);
    const map = claimsMap(doc).get(write.claimId);
    if (entries.length === 0 || !(map instanceof Y.Map)) continue;
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
