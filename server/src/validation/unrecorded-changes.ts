/**
 * A client writes only what a claim says; what certifies it — when it was created and last
 * changed, and the history of who changed what — is written by the server itself, in the name
 * of the person whose change it was, right after accepting the change (rooms/room.ts).
 */
import * as Y from 'yjs';
import { claimsMap, personRef, presentField, recordClaimEdit, stampNewClaim, triageNote, type Actor, type Claim, type ClaimWrite } from '@factdesk/shared';

/** Whether the server writes after accepting `write` to a claim that was `before`: a new claim, or a content edit. */
export function needsRecord(write: ClaimWrite, before: Claim | null): boolean {
  if (write.kind === 'delete') return false;
  if (write.kind === 'create' || !before) return true;
  return Object.keys(write.fields).length > 0;
}

/**
 * The fields `write` changed in a claim that was `before` and is `map` now, in the order
 * written. Compared with the doc as it is, not with the values the update carried: a value
 * written where it loses to the current one (a stale origin) changes nothing and is not recorded.
 */
export function changedFields(write: ClaimWrite, before: Claim, map: Y.Map<unknown>): string[] {
  const changed: string[] = [];
  for (const field of Object.keys(write.fields)) {
    const now = presentField(field, map.get(field));
    if (JSON.stringify(now) !== JSON.stringify(before[field as keyof Claim])) changed.push(field);
  }
  return changed;
}

/**
 * Stamps the claims `actor` created in accepted `writes` and records their edits (the time,
 * and an "edited" history entry naming the fields); returns the claim ids it wrote to.
 */
export function recordUnrecordedChanges(doc: Y.Doc, writes: ClaimWrite[], before: Map<string, Claim | null>, actor: Actor, now = new Date()): string[] {
  const recorded: string[] = [];
  for (const write of writes) {
    const was = before.get(write.claimId) ?? null;
    const map = claimsMap(doc).get(write.claimId);
    if (!needsRecord(write, was) || !(map instanceof Y.Map)) continue;
    if (!was) {
      if (map.has('createdAt')) continue; // stamped already
      stampNewClaim(doc, write.claimId, now);
    } else {
      const fields = changedFields(write, was, map);
      if (fields.length === 0) continue;
      recordClaimEdit(doc, write.claimId, personRef(actor), fields, now, fields.includes('anchor') ? (triageNote(write.fields.anchor) ?? undefined) : undefined);
    }
    recorded.push(write.claimId);
  }
  return recorded;
}
