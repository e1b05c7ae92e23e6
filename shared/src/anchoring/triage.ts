/**
 * The decisions of triage, after a new version left a claim changed or orphaned: confirm a
 * suggested place, re-attach the claim to text a person selected, or archive it. Each is
 * one transaction signed by the person, which the server's rules accept from whoever may
 * edit the claim.
 */
import type * as Y from 'yjs';
import type { Claim, Target } from '../claim.js';
import type { PersonRef } from '../roles.js';
import { setClaimAnchoring } from '../ydoc.js';

function anchorAt(doc: Y.Doc, claim: Claim, target: Target, by: PersonRef, note: string, now: Date): void {
  setClaimAnchoring(
    doc,
    claim.id,
    { target, checkedVersion: target.version, anchor: { state: 'anchored', version: target.version, previous: null, suggestions: [] } },
    { by, note, now },
  );
}

/** Accepts `suggestion` (one of the claim's suggested targets) as the claim's place in its version. */
export function confirmSuggestion(doc: Y.Doc, claim: Claim, suggestion: Target, by: PersonRef, now = new Date()): void {
  anchorAt(doc, claim, suggestion, by, `Confirmed its place in version ${suggestion.version}.`, now);
}

/** Re-attaches the claim to `target`, text a person selected in the current version. */
export function reattachClaim(doc: Y.Doc, claim: Claim, target: Target, by: PersonRef, now = new Date()): void {
  anchorAt(doc, claim, target, by, `Re-attached to a selection in version ${target.version}.`, now);
}

/** Sets the claim aside: no longer highlighted nor waiting for triage, still listed and exported. */
export function archiveClaim(doc: Y.Doc, claim: Claim, version: number, by: PersonRef, now = new Date()): void {
  setClaimAnchoring(
    doc,
    claim.id,
    { anchor: { state: 'archived', version, previous: claim.anchor?.previous ?? claim.target, suggestions: [] } },
    { by, note: 'Archived during triage.', now },
  );
}
