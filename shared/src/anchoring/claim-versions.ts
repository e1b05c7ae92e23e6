/**
 * How a claim relates to the versions of its article: where it sat in an earlier version,
 * and whether it waits for a person after the text changed under it. Read by the article
 * page (version switcher, triage) and the server alike.
 */
import type { AnchorState, Claim, Target } from '../claim.js';

/** The claim's anchor state; claims that never went through a new version are anchored. */
export function anchorStateOf(claim: Pick<Claim, 'anchor'>): AnchorState {
  return claim.anchor?.state ?? 'anchored';
}

/** Whether the claim waits for triage: its text changed since the verdict, or it was not found. */
export function needsTriage(claim: Pick<Claim, 'anchor'>): boolean {
  const state = anchorStateOf(claim);
  return state === 'changed' || state === 'orphan';
}

/** Whether the claim is highlighted in the current version: everything but orphans and archived claims. */
export function isShownInCurrentVersion(claim: Pick<Claim, 'anchor'>): boolean {
  const state = anchorStateOf(claim);
  return state === 'anchored' || state === 'changed';
}

/** The version the claim's verdict was given for. */
export function checkedVersionOf(claim: Pick<Claim, 'checkedVersion' | 'target'>): number {
  return claim.checkedVersion ?? claim.target.version;
}

/**
 * Where the claim sat in article version `version`, or null when it was not in that version.
 * The rule: its current target when that is for `version`, else the target the server kept
 * for `version` when a later version was uploaded. A claim made after `version` was replaced
 * has neither, so an earlier version shows the claims as they were placed then.
 */
export function targetInVersion(claim: Pick<Claim, 'target' | 'pastTargets'>, version: number): Target | null {
  if (claim.target.version === version) return claim.target;
  return claim.pastTargets?.find((t) => t.version === version) ?? null;
}
