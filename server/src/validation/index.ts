/**
 * The gate every incoming Yjs update passes before it is applied, stored or broadcast:
 * decode it, resolve what it touches, and ask the shared permission rules.
 */
import type * as Y from 'yjs';
import {
  DEFAULT_RULES,
  canAnnotate,
  claimWriteRefusal,
  readClaim,
  type Actor,
  type Claim,
  type ClaimWrite,
  type RuleOptions,
} from '@factdesk/shared';
import { inspectUpdate } from './inspect-update.js';

export { inspectUpdate } from './inspect-update.js';
export { reopenChangedSignOffs } from './sign-off.js';
export { recordUnrecordedChanges } from './unrecorded-changes.js';

export type UpdateCheck =
  | { ok: true; writes: ClaimWrite[]; before: Map<string, Claim | null>; clients: number[] }
  | { ok: false; reason: string; malformed: boolean; waiting?: boolean };

/** Which user first wrote with each Yjs client id of a room: nobody writes under another's id. */
export type ClientOwners = Map<number, string>;

/** Checks one update from `actor` against the server's copy of the doc, without applying it. */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  owners: ClientOwners,
  rules: RuleOptions = DEFAULT_RULES,
): UpdateCheck {
  const inspection = inspectUpdate(doc, update);
  if (!inspection.ok) return inspection;
  // Someone who may write nothing stores nothing, not even changes no claim would show.
  if (inspection.changes && !canAnnotate(actor)) return { ok: false, reason: 'viewers cannot change the article', malformed: false };
  for (const client of inspection.clients) {
    const owner = owners.get(client);
    if (owner !== undefined && owner !== actor.id) {
      return { ok: false, reason: "the change was made under another person's session", malformed: false };
    }
  }
  const before = new Map<string, Claim | null>();
  for (const write of inspection.writes) {
    // The rules never read the history, and the thread only when comments are written: both grow.
    const claim = readClaim(doc, write.claimId, { history: false, thread: write.comments.length > 0 });
    before.set(write.claimId, claim);
    const refusal = claimWriteRefusal(actor, claim, write, rules);
    if (refusal) return { ok: false, reason: refusal, malformed: false };
  }
  return { ok: true, writes: inspection.writes, before, clients: inspection.clients };
}
