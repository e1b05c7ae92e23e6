/**
 * A sign-off covers exactly the text a reviewer read. When an accepted change touches the
 * target, verdict, rationale or sources of an approved claim, the server itself moves the
 * claim back to review and records why, in the same room, right after the change.
 */
import type * as Y from 'yjs';
import { SIGNED_OFF_FIELDS, setClaimStatus, type Claim, type ClaimWrite, type PersonRef } from '@factdesk/shared';

/** The identity the server signs its own history entries with. */
export const SERVER_PERSON: PersonRef = { id: 'factdesk', name: 'Factdesk' };

/** Reopens every approved claim whose signed-off fields the writes changed; returns their ids. */
export function reopenChangedSignOffs(doc: Y.Doc, writes: ClaimWrite[], before: Map<string, Claim | null>): string[] {
  const reopened: string[] = [];
  for (const write of writes) {
    const changed = signedOffFieldsChanged(write, before.get(write.claimId) ?? null);
    if (changed.length === 0) continue;
    setClaimStatus(doc, write.claimId, 'in-review', SERVER_PERSON, {
      action: 'reopened',
      fields: changed,
      note: `Changed after sign-off (${changed.join(', ')}): back in review.`,
    });
    reopened.push(write.claimId);
  }
  return reopened;
}

/** The signed-off fields of an approved claim that `write` changes (none for a claim not approved, or a write that moves its status itself). */
export function signedOffFieldsChanged(write: ClaimWrite, claim: Claim | null): string[] {
  if (!claim || claim.status !== 'approved' || write.kind !== 'update' || 'status' in write.fields) return [];
  return SIGNED_OFF_FIELDS.filter((f) => f in write.fields && JSON.stringify(write.fields[f]) !== JSON.stringify(claim[f]));
}
