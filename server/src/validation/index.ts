/**
 * The gate every incoming Yjs update passes before it is applied, stored or broadcast:
 * decode it, resolve what it touches, and ask the shared permission rules.
 */
import * as Y from 'yjs';
import {
  DEFAULT_RULES,
  canAnnotate,
  claimWriteRefusal,
  claimsMap,
  lazyClaim,
  type LazyClaim,
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
  const lazy: [LazyClaim, ClaimWrite][] = [];
  for (const write of inspection.writes) {
    // Each field is read only if a rule asks for it: most updates touch two fields of a dozen.
    const map = claimsMap(doc).get(write.claimId);
    const read = map instanceof Y.Map ? lazyClaim(map) : null;
    if (read) lazy.push([read, write]);
    before.set(write.claimId, read?.claim ?? null);
    const refusal = claimWriteRefusal(actor, read?.claim ?? null, write, rules);
    if (refusal) return { ok: false, reason: refusal, malformed: false };
  }
  // What the server does after applying the update (sign-off, history) reads these, as they were.
  for (const [read, write] of lazy) read.keep(['author', 'status', ...Object.keys(write.fields)]);
  return { ok: true, writes: inspection.writes, before, clients: inspection.clients };
}
