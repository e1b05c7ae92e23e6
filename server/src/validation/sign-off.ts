/**
 * A sign-off covers exactly the text a reviewer read. When an accepted change touches the
 * target, verdict, rationale or sources of an approved claim, the server itself moves the
 * claim back to review and records why, in the same room, right after the change.
 */
import * as Y from 'yjs';
import { SIGNED_OFF_FIELDS, claimsMap, setClaimStatus, type Claim, type ClaimWrite, type PersonRef } from '@factdesk/shared';
import { changedFields } from './unrecorded-changes.js';

/** The identity the server signs its own history entries with. */
export const SERVER_PERSON: PersonRef = { id: 'factdesk', name: 'Factdesk' };

/**
 * Reopens every approved claim whose signed-off fields the writes changed, as the doc shows them
 * now (a value written where it loses to the current one changes nothing); returns their ids.
 */
export function reopenChangedSignOffs(doc: Y.Doc, writes: ClaimWrite[], before: Map<string, Claim | null>): string[] {
  const reopened: string[] = [];
  for (const write of writes) {
    const was = before.get(write.claimId) ?? null;
    const map = claimsMap(doc).get(write.claimId);
    // Still approved: several accepted edits of one claim are followed up together, and one reopen covers them.
    if (signedOffFieldsChanged(write, was).length === 0 || !was || !(map instanceof Y.Map) || map.get('status') !== 'approved') continue;
    const changed = changedFields(write, was, map).filter((field) => SIGNED_OFF_FIELDS.includes(field as never));
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
