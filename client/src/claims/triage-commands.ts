/**
 * What the triage panel does to a claim that a new version left changed or orphaned: confirm
 * a suggested place, re-attach it to the selected text of the current version, or archive it.
 * Checked against the shared rules first, so a refusal shows at once.
 */
import type * as Y from 'yjs';
import {
  archiveClaim,
  canEditClaim,
  confirmSuggestion,
  readClaim,
  reattachClaim,
  targetFromRange,
  trimRange,
  type Actor,
  type Claim,
  type Target,
} from '@factdesk/shared';

function editable(doc: Y.Doc, user: Actor, id: string): Claim {
  const claim = readClaim(doc, id);
  if (!claim) throw new Error('This claim no longer exists.');
  if (!canEditClaim(user, claim)) throw new Error('Only the author of the claim or an admin can triage it.');
  return claim;
}

/** Accepts the suggested `target` as the claim's place. */
export function confirmClaimSuggestion(doc: Y.Doc, user: Actor, id: string, target: Target): void {
  confirmSuggestion(doc, editable(doc, user, id), target);
}

/** Re-attaches the claim to [start, end) of the current version's canonical `text`. */
export function reattachToSelection(doc: Y.Doc, user: Actor, id: string, text: string, range: { start: number; end: number }, version: number): void {
  const trimmed = trimRange(text, range.start, range.end);
  if (trimmed.end <= trimmed.start) throw new Error('Select the text of the claim in the article first.');
  reattachClaim(doc, editable(doc, user, id), targetFromRange(text, trimmed.start, trimmed.end, version));
}

/** Archives the claim: no longer waiting for triage, nor highlighted. */
export function archiveTriagedClaim(doc: Y.Doc, user: Actor, id: string, version: number): void {
  archiveClaim(doc, editable(doc, user, id), version);
}
