/**
 * Who may do what to a claim. These pure rules are asked twice: by the client, to show only
 * the controls a role may use, and by the server, which checks every incoming CRDT update
 * against them before applying it. Adding a rule is adding (or extending) one function here.
 */
import {
  CLAIM_FIELDS,
  claimFieldSchemas,
  commentSchema,
  type Claim,
  type ClaimField,
  type ClaimStatus,
  type Comment,
} from './claim.js';
import { quickFieldValid } from './quick-checks.js';
import { roleAtLeast, type Actor, type PersonRef } from './roles.js';

/** Workspace settings that change the rules. */
export interface RuleOptions {
  /** A reviewer may not approve a claim they wrote. On by default. */
  twoPersonRule: boolean;
}

export const DEFAULT_RULES: RuleOptions = { twoPersonRule: true };

/** The fields a client writes: what a claim says and where it sits in the article. */
const CONTENT_FIELDS: ReadonlySet<string> = new Set<ClaimField>(['target', 'verdict', 'rationale', 'sources', 'tags', 'checkedVersion', 'anchor']);
/** The fields a client writes when it creates a claim; the server stamps the rest. */
const CREATION_FIELDS: ReadonlySet<string> = new Set<ClaimField>(['id', 'author', 'target', 'verdict', 'rationale', 'sources', 'tags', 'checkedVersion', 'anchor']);
/** The fields a new claim must be written with. */
const REQUIRED_FIELDS: readonly ClaimField[] = ['id', 'author', 'target', 'verdict'];
/**
 * What the server alone writes, and why a client may not: each certifies something (a review,
 * a time, a place in the history) that a hand-made update could otherwise forge.
 */
const SERVER_FIELD_REASONS: Readonly<Record<string, string>> = {
  status: 'the status of a claim is changed only by the server (submit, approve or request changes)',
  review: 'the review of a claim is written only by the server, with the reviewer\'s decision',
  createdAt: 'the server records when a claim was created',
  updatedAt: 'the server records when a claim was last changed',
  threadResolved: 'a thread is resolved or reopened only through the server',
  pastTargets: 'the earlier targets of a claim are kept by the server',
  id: 'the id of a claim cannot be changed',
  author: 'the author of a claim cannot be changed',
};

/** Why a client may not write claim field `field` (anything but content); null for content. */
function clientFieldRefusal(field: string, allowed: ReadonlySet<string>): string | null {
  if (allowed.has(field)) return null;
  if (Object.hasOwn(SERVER_FIELD_REASONS, field)) return SERVER_FIELD_REASONS[field];
  return `a claim has no field "${field.slice(0, 40)}"`;
}

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
  // A name the schemas' object inherits ("toString", "__proto__") is no field.
  if (!(CLAIM_FIELDS as readonly string[]).includes(field)) return `unknown claim field "${field.slice(0, 40)}"`;
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
  // No prototype: a key such as "__proto__" or "toString" is then an own field like any other, refused by name.
  const fields = Object.create(null) as Partial<Record<string, unknown>>;
  return { claimId, kind, fields, historyAppended: [], historyRewritten: false, threadReplaced: false, comments: [], unknownPaths: [] };
}

/**
 * Why `actor` may not make `write` to a claim that was `before` (null: did not exist);
 * null when the write is allowed. A client writes content and its own comments only: the
 * status, review, history and timestamps are the server's (its own writes are not checked here),
 * so the workspace rules (`_options`) govern no client write; the server asks them for its steps.
 */
export function claimWriteRefusal(actor: Actor, before: Claim | null, write: ClaimWrite, _options: RuleOptions = DEFAULT_RULES): string | null {
  if (!canAnnotate(actor)) return 'viewers cannot change claims';
  if (write.unknownPaths.length) return `unknown claim data at ${write.unknownPaths[0]}`;
  if (write.historyRewritten || write.historyAppended.length) return 'the history of a claim is written only by the server';

  if (write.kind === 'delete') {
    if (!before) return null;
    return canDeleteClaim(actor, before) ? null : 'you can delete only your own claims that are not signed off';
  }

  if (write.kind === 'create' && before) return 'a claim cannot be replaced';
  if (write.kind === 'create' || !before) return creationRefusal(actor, write);

  // Own keys only, whatever their name (`fields` has no prototype: see emptyClaimWrite).
  let content = false;
  for (const field of Object.keys(write.fields)) {
    const refusal = clientFieldRefusal(field, CONTENT_FIELDS) ?? fieldRefusal(field, write.fields[field]);
    if (refusal) return refusal;
    content = true;
  }
  if (write.threadReplaced) return 'a claim thread cannot be replaced';
  if (content && !canEditClaim(actor, before)) return 'you can edit only your own claims';
  return commentsRefusal(actor, before, write.comments);
}

function creationRefusal(actor: Actor, write: ClaimWrite): string | null {
  for (const field of REQUIRED_FIELDS) if (!Object.hasOwn(write.fields, field)) return `a new claim needs its ${field}`;
  for (const field of Object.keys(write.fields)) {
    const refusal = clientFieldRefusal(field, CREATION_FIELDS) ?? fieldRefusal(field, write.fields[field]);
    if (refusal) return refusal;
  }
  if (write.fields.id !== write.claimId) return 'a claim id must match its key';
  if (!samePerson(write.fields.author, actor)) return 'the author of a new claim must be you';
  if (write.fields.anchor != null) return 'a new claim has no earlier versions to carry';
  return commentsRefusal(actor, null, write.comments);
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
