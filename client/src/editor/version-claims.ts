/**
 * The claims as they were in an earlier version of the article, for reading that version.
 * The rule (shared `targetInVersion`): a claim appears on version v when its target is for v,
 * or when the server kept its target for v on uploading a later version; it is placed by that
 * target. Claims made after v was replaced, and claims that were orphans in v, do not appear.
 * Verdicts, rationales and statuses are today's: the Y.Doc keeps no copy of older ones.
 */
import { compareReadingOrder, targetInVersion, type Claim } from '@factdesk/shared';

/** The claims placed in `version`, each carrying its target of then, in that version's reading order. */
export function claimsAsOfVersion(claims: readonly Claim[], version: number): Claim[] {
  return claims
    .flatMap((claim) => {
      const target = targetInVersion(claim, version);
      // The anchor state speaks of the current version; in its own version the claim was anchored.
      return target ? [{ ...claim, target, anchor: null }] : [];
    })
    .sort(compareReadingOrder);
}
