/**
 * The gate every incoming Yjs update passes before it is stored or broadcast: find what it
 * writes to which claims, and ask the shared permission rules. Two ways to find it: read the
 * update before applying it (`checkUpdate`, any update), or apply it and read what Yjs
 * integrated (`applyAndCheck`, a live edit; cheaper, but a refusal costs the room its doc).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import {
  CURRENT_VIEW,
  DEFAULT_RULES,
  canAnnotate,
  claimWriteRefusal,
  claimsMap,
  lazyClaim,
  type LazyClaim,
  type Actor,
  type Claim,
  type ClaimWrite,
  type MapView,
  type RuleOptions,
} from '@factdesk/shared';
import { inspectUpdate, type Inspection } from './inspect-update.js';
import { inspectApplied } from './inspect-applied.js';
import { MAX_CLOCK } from './completeness.js';
import { BeforeView } from './before-view.js';
import { signedOffFieldsChanged } from './sign-off.js';
import { needsRecord } from './unrecorded-changes.js';

export { inspectUpdate } from './inspect-update.js';
export { reopenChangedSignOffs } from './sign-off.js';
export { recordUnrecordedChanges } from './unrecorded-changes.js';

export type UpdateCheck =
  | {
      ok: true;
      writes: ClaimWrite[];
      clients: number[];
      /**
       * When the server has to write after the update (a new claim's stamps, an edit's time
       * and history entry, a sign-off to reopen): the claims it writes to, as they were, with
       * the fields that follow-up reads. Null for updates that write only comments or deletions.
       */
      followUp: Map<string, Claim | null> | null;
    }
  | { ok: false; reason: string; malformed: boolean; waiting?: false }
  /**
   * It builds on clocks the server does not have yet (completeness.ts): to be held until the
   * doc reaches `waitingFor` (null when the gate that applies first found out: ask `checkUpdate`).
   */
  | { ok: false; reason: string; malformed: false; waiting: true; waitingFor: Map<number, number> | null };

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
  return judge(doc, inspectUpdate(doc, update), actor, owners, rules, CURRENT_VIEW);
}

/**
 * Applies `update` to `doc` inside `transaction` (the caller's: its observers run only once
 * the caller has decided), then checks what it did, reading the claims as they were before.
 * Cheaper than `checkUpdate`, which reads the update once more, but a refused update is in
 * the doc: the caller must drop the doc (see Room). For an update from `client` alone that
 * continues where the doc's copy of `client` ends (`appliesCleanly`).
 */
export function applyAndCheck(
  doc: Y.Doc,
  transaction: Y.Transaction,
  update: Uint8Array,
  client: number,
  actor: Actor,
  owners: ClientOwners,
  rules: RuleOptions = DEFAULT_RULES,
): UpdateCheck {
  const pending = doc.store.pendingStructs;
  const pendingDs = doc.store.pendingDs;
  try {
    Y.applyUpdate(doc, update);
  } catch {
    return { ok: false, reason: 'the change could not be decoded', malformed: true };
  }
  if (doc.store.pendingStructs !== pending || doc.store.pendingDs !== pendingDs) {
    return { ok: false, reason: 'the change depends on an earlier change the server does not have', malformed: false, waiting: true, waitingFor: null };
  }
  if (Y.getState(doc.store, client) > MAX_CLOCK) return { ok: false, reason: 'the change names clocks past what any client writes', malformed: false };
  const before = new BeforeView(transaction);
  return judge(doc, inspectApplied(doc, before, client), actor, owners, rules, before);
}

/**
 * The client of an update that holds structs of one client only, starting exactly where the
 * doc's copy of that client ends (how every live edit looks); null for anything else, which
 * `checkUpdate` judges before it is applied. Reads only the update's first few bytes.
 */
export function appliesCleanly(doc: Y.Doc, update: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 1) return null; // clients with structs
    if (decoding.readVarUint(decoder) === 0) return null; // structs of that client
    const client = decoding.readVarUint(decoder);
    return decoding.readVarUint(decoder) === Y.getState(doc.store, client) ? client : null;
  } catch {
    return null;
  }
}

/** The rules' verdict on what an update does, reading the claims it touches as they were (`view`). */
function judge(doc: Y.Doc, inspection: Inspection, actor: Actor, owners: ClientOwners, rules: RuleOptions, view: MapView): UpdateCheck {
  if (!inspection.ok) return inspection;
  // Someone who may write nothing stores nothing, not even changes no claim would show.
  if (inspection.changes && !canAnnotate(actor)) return { ok: false, reason: 'viewers cannot change the article', malformed: false };
  for (const client of inspection.clients) {
    const owner = owners.get(client);
    if (owner !== undefined && owner !== actor.id) {
      return { ok: false, reason: "the change was made under another person's session", malformed: false };
    }
  }
  const claims = claimsMap(doc) as Y.Map<unknown>;
  const reads: (LazyClaim | null)[] = [];
  let followUp = false;
  for (const write of inspection.writes) {
    // Each field is read only if a rule asks for it: most updates touch two fields of a dozen.
    const map = view.get(claims, write.claimId);
    const read = map instanceof Y.Map ? lazyClaim(map, view) : null;
    reads.push(read);
    const claim = read?.claim ?? null;
    const refusal = claimWriteRefusal(actor, claim, write, rules);
    if (refusal) return { ok: false, reason: refusal, malformed: false };
    // The server stamps a new claim and records an edit (and reopens an edited sign-off); comments need nothing more.
    if (!followUp) followUp = needsRecord(write, claim) || signedOffFieldsChanged(write, claim).length > 0;
  }
  if (!followUp) return { ok: true, writes: inspection.writes, clients: inspection.clients, followUp: null };
  // What the server writes after applying the update reads these claims, as they were.
  const before = new Map<string, Claim | null>();
  inspection.writes.forEach((write, i) => {
    reads[i]?.keep(keptFields(write));
    before.set(write.claimId, reads[i]?.claim ?? null);
  });
  return { ok: true, writes: inspection.writes, clients: inspection.clients, followUp: before };
}

/** The fields of a claim a check keeps as they were, for what the server does after applying it. */
export function keptFields(write: ClaimWrite): string[] {
  return ['author', 'status', ...Object.keys(write.fields)];
}
