/**
 * Who may do what to a claim. These pure rules are asked twice: by the client, to show only
 * the controls a role may use, and by the server, which checks every incoming CRDT update
 * against them before applying it. Adding a rule is adding (or extending) one function here.
 */
import {
  claimFieldSchemas,
  commentSchema,
  historyEntrySchema,
  type Claim,
  type ClaimField,
  type ClaimStatus,
  type Comment,
} from './claim.js';
import { quickFieldValid, quickHistoryEntryValid } from './quick-checks.js';
import { roleAtLeast, type Actor, type PersonRef } from './roles.js';

/** Workspace settings that change the rules. */
export interface RuleOptions {
  /** A reviewer may not approve a claim they wrote. On by default. */
  twoPersonRule: boolean;
}

export const DEFAULT_RULES: RuleOptions = { twoPersonRule: true };

/** The fields nobody changes after creation. */
const IMMUTABLE_FIELDS: readonly ClaimField[] = ['id', 'author', 'createdAt'];
/** The fields only the claim's author (or an admin) edits. */
const CONTENT_FIELDS: readonly ClaimField[] = ['target', 'verdict', 'rationale', 'sources', 'tags', 'checkedVersion', 'anchor'];
/** The fields a new claim is written with. */
const REQUIRED_FIELDS: readonly ClaimField[] = ['id', 'author', 'createdAt', 'target', 'verdict', 'status'];
/** The fields only the server writes (on a new version of the article). */
const SERVER_FIELDS: readonly ClaimField[] = ['pastTargets'];

function isAuthor(actor: Actor, claim: Pick<Claim, 'author'>): boolean {
  return claim.author?.id === actor.id;
}

function samePerson(ref: unknown, actor: Actor): boolean {
  const r = ref as PersonRef | null;
  return !!r && r.id === actor.id && r.name === actor.name;
}

/** May this person create claims at all? */
export function canAnnotate(actor: Actor): boolean {
  return roleAtLeast(actor.role, 'annotator');
}

/** May this person edit the claim's verdict, rationale, sources and target? */
export function canEditClaim(actor: Actor, claim: Pick<Claim, 'author'>): boolean {
  return actor.role === 'admin' || (canAnnotate(actor) && isAuthor(actor, claim));
}

/** May this person delete the claim? A signed-off claim is deleted by an admin only. */
export function canDeleteClaim(actor: Actor, claim: Pick<Claim, 'author' | 'status'>): boolean {
  if (actor.role === 'admin') return true;
  return canEditClaim(actor, claim) && claim.status !== 'approved';
}

/** May this person submit the claim for review? */
export function canSubmit(actor: Actor, claim: Pick<Claim, 'author' | 'status'>): boolean {
  return canEditClaim(actor, claim) && (claim.status === 'draft' || claim.status === 'changes-requested');
}

/** May this person approve or request changes on the claim? */
export function canReview(
  actor: Actor,
  claim: Pick<Claim, 'author' | 'status'>,
  options: RuleOptions = DEFAULT_RULES,
): boolean {
  if (!roleAtLeast(actor.role, 'reviewer') || claim.status !== 'in-review') return false;
  return !(options.twoPersonRule && isAuthor(actor, claim));
}

/** May this person upload a new version of an article (which re-anchors every claim)? */
export function canUploadVersion(actor: Pick<Actor, 'role'>): boolean {
  return roleAtLeast(actor.role, 'reviewer');
}

/** May this person comment in claim threads? */
export function canComment(actor: Actor): boolean {
  return canAnnotate(actor);
}

/** May this person change the text of the comment? Only its author, admins included. */
export function canEditComment(actor: Actor, comment: Pick<Comment, 'author'>): boolean {
  return canComment(actor) && comment.author.id === actor.id;
}

/** May this person delete the comment? Its author, or an admin (moderation). */
export function canDeleteComment(actor: Actor, comment: Pick<Comment, 'author'>): boolean {
  return actor.role === 'admin' || canEditComment(actor, comment);
}

/** May this person mark a claim's thread resolved, or reopen it? Anyone who may comment. */
export function canResolveThread(actor: Actor): boolean {
  return canComment(actor);
}

/** Why this person may not move the claim from its status to `to`; null when allowed. */
export function statusChangeRefusal(
  actor: Actor,
  claim: Pick<Claim, 'author' | 'status'>,
  to: ClaimStatus,
  options: RuleOptions = DEFAULT_RULES,
): string | null {
  const from = claim.status;
  if (from === to) return null;
  if (to === 'in-review') {
    if (from === 'approved') return canEditClaim(actor, claim) || roleAtLeast(actor.role, 'reviewer') ? null : 'only the author or a reviewer can reopen a signed-off claim';
    return canSubmit(actor, claim) ? null : 'only the author can submit this claim for review';
  }
  if (to === 'draft') {
    return from === 'in-review' && canEditClaim(actor, claim) ? null : 'only the author can withdraw a claim from review';
  }
  if (canReview(actor, claim, options)) return null;
  if (options.twoPersonRule && isAuthor(actor, claim) && roleAtLeast(actor.role, 'reviewer')) {
    return 'a reviewer cannot approve or reject a claim they wrote';
  }
  return claim.status !== 'in-review' ? 'only a claim in review can be approved or sent back' : 'only a reviewer can approve or request changes';
}

/** Why the value is not valid for the field; null when it is. */
export function fieldRefusal(field: string, value: unknown): string | null {
  if (quickFieldValid(field, value)) return null; // the common values, without zod (quick-checks.ts)
  const schema = (claimFieldSchemas as Record<string, { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }>)[field];
  if (!schema) return `unknown claim field "${field.slice(0, 40)}"`;
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error?.issues[0];
  const where = issue && issue.path.length ? `${field}.${issue.path.join('.')}` : field;
  return `invalid ${where}: ${issue?.message ?? 'bad value'}`;
}

/**
 * One person's change to one claim, as the server decoded it from a Yjs update: which
 * plain fields were written (with the values), what was appended to the history, and
 * which comments were written or removed.
 */
export interface ClaimWrite {
  claimId: string;
  kind: 'create' | 'update' | 'delete';
  fields: Partial<Record<string, unknown>>;
  historyAppended: unknown[];
  /** Existing history entries deleted, or the history list replaced. */
  historyRewritten: boolean;
  /** The thread replaced wholesale (only allowed on create). */
  threadReplaced: boolean;
  /** Comments written (value) or removed (value undefined). */
  comments: { id: string; value: unknown }[];
  /** Writes below a field that the layout does not have (e.g. inside `sources`). */
  unknownPaths: string[];
}

/** An empty write to a claim, to be filled by the decoder. */
export function emptyClaimWrite(claimId: string, kind: ClaimWrite['kind'] = 'update'): ClaimWrite {
  return { claimId, kind, fields: {}, historyAppended: [], historyRewritten: false, threadReplaced: false, comments: [], unknownPaths: [] };
}

/**
 * Why `actor` may not make `write` to a claim that was `before` (null: did not exist);
 * null when the write is allowed.
 */
export function claimWriteRefusal(
  actor: Actor,
  before: Claim | null,
  write: ClaimWrite,
  options: RuleOptions = DEFAULT_RULES,
): string | null {
  if (!canAnnotate(actor)) return 'viewers cannot change claims';
  if (write.unknownPaths.length) return `unknown claim data at ${write.unknownPaths[0]}`;
  if (write.historyRewritten) return 'claim history cannot be rewritten';

  if (write.kind === 'delete') {
    if (!before) return null;
    return canDeleteClaim(actor, before) ? null : 'you can delete only your own claims that are not signed off';
  }

  if (write.kind === 'create' && before) return 'a claim cannot be replaced';
  if (write.kind === 'create' || !before) return creationRefusal(actor, write);

  // Runs for every update the server takes: loops without a list or closure made per call.
  for (const field in write.fields) {
    const refusal = fieldRefusal(field, write.fields[field]);
    if (refusal) return refusal;
    if (IMMUTABLE_FIELDS.includes(field as ClaimField) && JSON.stringify(write.fields[field]) !== JSON.stringify(before[field as ClaimField])) {
      return `the ${field} of a claim cannot be changed`;
    }
    if (SERVER_FIELDS.includes(field as ClaimField) && JSON.stringify(write.fields[field]) !== JSON.stringify(before[field as ClaimField] ?? [])) {
      return 'the earlier targets of a claim are kept by the server';
    }
  }
  if (write.threadReplaced) return 'a claim thread cannot be replaced';
  if (writesAny(write, CONTENT_FIELDS) && !canEditClaim(actor, before)) {
    return 'you can edit only your own claims';
  }
  const status = write.fields.status as ClaimStatus | undefined;
  if (status !== undefined) {
    const refusal = statusChangeRefusal(actor, before, status, options);
    if (refusal) return refusal;
  }
  const decided = status === 'approved' || status === 'changes-requested';
  if (decided && status !== before.status && !('review' in write.fields)) return 'a review decision needs its review';
  if ('review' in write.fields) {
    // A review is written together with the decision it records, never on its own: otherwise
    // anyone could re-sign an approved claim in their name.
    if (write.fields.review !== null && (!decided || status === before.status)) return 'a review is written only with its decision';
    const refusal = reviewRefusal(actor, write.fields.review, status ?? before.status);
    if (refusal) return refusal;
  }
  if ('threadResolved' in write.fields) {
    const refusal = threadResolutionRefusal(actor, write.fields.threadResolved);
    if (refusal) return refusal;
  }
  return historyRefusal(actor, write.historyAppended) ?? commentsRefusal(actor, before, write.comments);
}

function writesAny(write: ClaimWrite, fields: readonly string[]): boolean {
  for (const field of fields) if (field in write.fields) return true;
  return false;
}

function threadResolutionRefusal(actor: Actor, value: unknown): string | null {
  if (!canResolveThread(actor)) return 'viewers cannot resolve threads';
  const resolution = value as { by?: unknown } | null | undefined;
  if (resolution && !samePerson(resolution.by, actor)) return 'a thread is resolved in your own name';
  return null;
}

function creationRefusal(actor: Actor, write: ClaimWrite): string | null {
  for (const field of REQUIRED_FIELDS) if (!(field in write.fields)) return `a new claim needs its ${field}`;
  for (const field in write.fields) {
    const refusal = fieldRefusal(field, write.fields[field]);
    if (refusal) return refusal;
  }
  if (write.fields.id !== write.claimId) return 'a claim id must match its key';
  if (!samePerson(write.fields.author, actor)) return 'the author of a new claim must be you';
  if (write.fields.status !== 'draft' && write.fields.status !== 'in-review') return 'a new claim starts as a draft or in review';
  if (write.fields.review != null) return 'a new claim cannot carry a review';
  if (write.fields.anchor != null || (Array.isArray(write.fields.pastTargets) && write.fields.pastTargets.length > 0)) {
    return 'a new claim has no earlier versions to carry';
  }
  if (write.fields.threadResolved != null) return 'a new claim starts with an open thread';
  return historyRefusal(actor, write.historyAppended) ?? commentsRefusal(actor, null, write.comments);
}

function reviewRefusal(actor: Actor, review: unknown, status: ClaimStatus): string | null {
  if (review === null) return status === 'approved' ? 'a signed-off claim keeps its review' : null;
  const r = review as { decision?: string; reviewer?: unknown; comment?: string };
  if (!samePerson(r.reviewer, actor)) return 'the reviewer of a decision must be you';
  if (r.decision !== status) return 'a review decision must match the claim status';
  if (r.decision === 'changes-requested' && !r.comment?.trim()) return 'a request for changes needs a comment';
  return null;
}

function historyRefusal(actor: Actor, entries: unknown[]): string | null {
  for (const entry of entries) {
    if (quickHistoryEntryValid(entry)) {
      if (!samePerson((entry as { by: unknown }).by, actor)) return 'a history entry must be signed by you';
      continue;
    }
    const parsed = historyEntrySchema.safeParse(entry);
    if (!parsed.success) return `invalid history entry: ${parsed.error.issues[0]?.message ?? 'bad value'}`;
    if (!samePerson(parsed.data.by, actor)) return 'a history entry must be signed by you';
  }
  return null;
}

function commentsRefusal(actor: Actor, before: Claim | null, comments: ClaimWrite['comments']): string | null {
  if (comments.length && !canComment(actor)) return 'viewers cannot comment';
  for (const { id, value } of comments) {
    const old: Comment | undefined = before?.thread.find((c) => c.id === id);
    if (value === undefined) {
      if (old && !canDeleteComment(actor, old)) return 'you can delete only your own comments';
      continue;
    }
    if (old && !canEditComment(actor, old)) return 'you can edit only your own comments';
    const parsed = commentSchema.safeParse(value);
    if (!parsed.success) return `invalid comment: ${parsed.error.issues[0]?.message ?? 'bad value'}`;
    if (parsed.data.id !== id) return 'a comment id must match its key';
    if (!samePerson(parsed.data.author, actor)) return 'the author of a comment must be you';
    if (old && parsed.data.createdAt !== old.createdAt) return 'a comment keeps the time it was written';
  }
  return null;
}
