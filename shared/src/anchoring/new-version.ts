/**
 * A new version of an article, written into its Y.Doc: the version is stored next to the
 * earlier ones (which stay), and every claim is carried over to it in the same transaction —
 * re-anchored, its earlier target kept for the version switcher, its anchor state and the
 * old quote recorded for triage, and a signed-off claim whose text changed or was lost sent
 * back to review. Nothing is dropped: an orphan keeps its old target.
 */
import type * as Y from 'yjs';
import { MAX_VERSIONS, type Anchor, type Claim } from '../claim.js';
import type { PersonRef } from '../roles.js';
import { articleSchema } from '../schema.js';
import { canonicalText, textHash } from '../text.js';
import {
  listArticleVersions,
  listClaims,
  readArticleVersion,
  readMeta,
  setClaimAnchoring,
  setClaimStatus,
  writeArticleVersion,
  type ArticleJSON,
} from '../ydoc.js';
import { anchorStateOf, checkedVersionOf } from './claim-versions.js';
import { isFlagged } from '../stored-claim.js';
import { reanchorTarget, versionChange, type ReanchorOutcome, type Reanchoring, type VersionChange } from './reanchor.js';

/** What a new version did to the claims: how many of each outcome, and which went back to review. */
export interface NewVersionSummary {
  version: number;
  textHash: string;
  same: number;
  moved: number;
  changed: number;
  orphan: number;
  /** Signed-off claims sent back to review because their text changed or was lost. */
  reopened: string[];
}

/** Thrown when the new version's text is the current version's. */
export class UnchangedVersionError extends Error {
  constructor() {
    super('The new version has the same text as the current one.');
    this.name = 'UnchangedVersionError';
  }
}

/** The canonical text of a ProseMirror JSON article. */
function textOf(json: ArticleJSON): string {
  return canonicalText(articleSchema.nodeFromJSON(json));
}

/**
 * Stores `article` as the next version of the doc and re-anchors every claim to it, all in
 * one transaction; `by` signs the history entries (the server). Throws UnchangedVersionError
 * (and changes nothing) when the text is the current one.
 */
export function addArticleVersion(doc: Y.Doc, article: ArticleJSON, by: PersonRef, now = new Date()): NewVersionSummary {
  const newText = textOf(article);
  const hash = textHash(newText);
  const current = readArticleVersion(doc);
  if (current && current.textHash === hash) throw new UnchangedVersionError();
  const version = Math.max(readMeta(doc).currentVersion, ...listArticleVersions(doc).map((v) => v.version)) + 1;

  const changes = new Map<number, VersionChange>();
  const changeFrom = (from: number): VersionChange => {
    let change = changes.get(from);
    if (!change) {
      const old = readArticleVersion(doc, from) ?? current;
      change = versionChange(old ? textOf(old.doc) : '', newText, version);
      changes.set(from, change);
    }
    return change;
  };

  const summary: NewVersionSummary = { version, textHash: hash, same: 0, moved: 0, changed: 0, orphan: 0, reopened: [] };
  doc.transact(() => {
    writeArticleVersion(doc, { version, doc: article, textHash: hash, createdAt: now.toISOString() });
    for (const claim of listClaims(doc)) {
      // A claim whose stored target is unusable has nothing to carry over (stored-claim.ts).
      if (anchorStateOf(claim) === 'archived' || isFlagged(claim, 'target')) continue;
      const result = reanchorTarget(changeFrom(claim.target.version), claim.target);
      summary[result.outcome]++;
      carryOver(doc, claim, result, version, by, now);
      if ((result.outcome === 'changed' || result.outcome === 'orphan') && claim.status === 'approved') {
        setClaimStatus(doc, claim.id, 'in-review', by, {
          action: 'reopened',
          fields: ['target'],
          note: `Text changed since sign-off (version ${version}): back in review.`,
        }, undefined, now);
        summary.reopened.push(claim.id);
      }
    }
  });
  return summary;
}

const NOTES: Partial<Record<ReanchorOutcome, (version: number) => string>> = {
  changed: (v) => `Version ${v}: the quoted text changed since the verdict.`,
  orphan: (v) => `Version ${v}: the quoted text was not found; the claim waits for triage.`,
};

/** Writes one claim's re-anchoring: new target, kept earlier target, anchor state for triage. */
function carryOver(doc: Y.Doc, claim: Claim, result: Reanchoring, version: number, by: PersonRef, now: Date): void {
  const pastTargets = [...(claim.pastTargets ?? [])];
  if (!pastTargets.some((t) => t.version === claim.target.version)) pastTargets.push(claim.target);
  const before = claim.anchor;
  // A claim still waiting for triage keeps the quote its verdict was given for.
  const stillChanged = before?.state === 'changed' && (result.outcome === 'same' || result.outcome === 'moved');
  const state: Anchor['state'] = result.outcome === 'orphan' ? 'orphan' : result.outcome === 'changed' || stillChanged ? 'changed' : 'anchored';
  const previous = state === 'anchored' ? null : needsOld(before) ? before!.previous : claim.target;
  const note = NOTES[result.outcome];
  setClaimAnchoring(
    doc,
    claim.id,
    {
      target: result.target,
      checkedVersion: checkedVersionOf(claim),
      anchor: { state, version, previous, suggestions: state === 'changed' && stillChanged ? [result.target] : result.suggestions },
      pastTargets: pastTargets.slice(-MAX_VERSIONS),
    },
    note ? { by, note: note(version), now } : undefined,
  );
}

/** Whether the claim already carries the quote its verdict was given for (from an earlier, untriaged version). */
function needsOld(anchor: Anchor | null | undefined): boolean {
  return !!anchor?.previous && (anchor.state === 'changed' || anchor.state === 'orphan');
}
