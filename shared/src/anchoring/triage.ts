/**
 * The decisions of triage, after a new version left a claim changed or orphaned: confirm a
 * suggested place, re-attach the claim to text a person selected, or archive it. Each is one
 * content write, which the server's rules accept from whoever may edit the claim; the server
 * records it in the claim's history (`triageNote` says what it records).
 */
import type * as Y from 'yjs';
import type { Anchor, Claim, Target } from '../claim.js';
import { setClaimAnchoring } from '../ydoc.js';

function anchorAt(doc: Y.Doc, claim: Claim, target: Target): void {
  setClaimAnchoring(doc, claim.id, {
    target,
    checkedVersion: target.version,
    anchor: { state: 'anchored', version: target.version, previous: null, suggestions: [] },
  });
}

/** Accepts `suggestion` (one of the claim's suggested targets) as the claim's place in its version. */
export function confirmSuggestion(doc: Y.Doc, claim: Claim, suggestion: Target): void {
  anchorAt(doc, claim, suggestion);
}

/** Re-attaches the claim to `target`, text a person selected in the current version. */
export function reattachClaim(doc: Y.Doc, claim: Claim, target: Target): void {
  anchorAt(doc, claim, target);
}

/** Sets the claim aside: no longer highlighted nor waiting for triage, still listed and exported. */
export function archiveClaim(doc: Y.Doc, claim: Claim, version: number): void {
  setClaimAnchoring(doc, claim.id, {
    anchor: { state: 'archived', version, previous: claim.anchor?.previous ?? claim.target, suggestions: [] },
  });
}

/** The history note for a triage decision written as `anchor`; null for a write that is no triage decision. */
export function triageNote(anchor: unknown): string | null {
  const a = anchor as Partial<Anchor> | null | undefined;
  if (!a || typeof a !== 'object') return null;
  if (a.state === 'archived') return 'Archived during triage.';
  if (a.state === 'anchored' && a.previous === null) return `Placed in version ${a.version} during triage.`;
  return null;
}
