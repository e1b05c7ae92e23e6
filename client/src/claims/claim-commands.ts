/**
 * What the claim editor and cards do to the article's Y.Doc, through the shared accessors:
 * create a claim from the selected text, edit one, delete one. Checked against the shared
 * rules first, so a person sees a refusal at once instead of a server rejection later.
 */
import type * as Y from 'yjs';
import {
  canAnnotate,
  canDeleteClaim,
  canEditClaim,
  createClaim,
  deleteClaim,
  personRef,
  readClaim,
  targetFromRange,
  updateClaim,
  type Actor,
  type ClaimInput,
} from '@factdesk/shared';

type ClaimContent = Pick<ClaimInput, 'verdict' | 'rationale' | 'sources'>;

/** Creates a claim on [start, end) of the canonical `text` of article `version`; returns its id. */
export function createClaimFromRange(
  doc: Y.Doc,
  user: Actor,
  text: string,
  range: { start: number; end: number },
  version: number,
  content: ClaimContent,
): string {
  if (!canAnnotate(user)) throw new Error('Your role cannot add claims.');
  const target = targetFromRange(text, range.start, range.end, version);
  return createClaim(doc, personRef(user), { ...content, target });
}

/** Changes a claim's verdict, rationale and sources. */
export function editClaim(doc: Y.Doc, user: Actor, id: string, content: ClaimContent): void {
  const claim = readClaim(doc, id);
  if (!claim) throw new Error('This claim no longer exists.');
  if (!canEditClaim(user, claim)) throw new Error('You can edit only your own claims.');
  updateClaim(doc, id, content);
}

/** Deletes a claim. */
export function removeClaim(doc: Y.Doc, user: Actor, id: string): void {
  const claim = readClaim(doc, id);
  if (!claim) return;
  if (!canDeleteClaim(user, claim)) throw new Error('You can delete only your own claims that are not signed off.');
  deleteClaim(doc, id);
}
