/**
 * The layout of an article's Y.Doc, and the only functions that read or write it.
 * Everything else (client, server, exporters) goes through these, so the layout can
 * change in one place.
 *
 * - `meta` (Y.Map): title, sourceUrl, publisher, publishedAt, currentVersion. Server-written.
 * - `article` (Y.Map): `v<n>` → { doc: ProseMirror JSON, textHash, createdAt }. Server-written.
 * - `annotations` (Y.Map of Y.Map): claim id → claim. Plain fields hold JSON values;
 *   `history` is a Y.Array (append-only) and `thread` a Y.Map of comments by id. Clients write
 *   a claim's content and comments; its status, review, history and times are the server's.
 */
import * as Y from 'yjs';
import type { Claim, ClaimInput, ClaimStatus, Comment, HistoryEntry, Review, ThreadResolution } from './claim.js';
import type { PersonRef } from './roles.js';
import { CLAIM_FIELDS, NESTED_FIELDS } from './claim.js';
import { presentField } from './lazy-claim.js';
import { checkedField, isClaimKey, unknownKeyName } from './stored-claim.js';

export const ROOT = { meta: 'meta', article: 'article', annotations: 'annotations' } as const;
export type RootName = (typeof ROOT)[keyof typeof ROOT];
export const ROOT_NAMES: readonly string[] = Object.values(ROOT);

/** ProseMirror document JSON, as produced by the import functions. */
export interface ArticleJSON {
  type: 'doc';
  content: unknown[];
}

export interface ArticleMeta {
  title: string;
  sourceUrl: string;
  publisher: string;
  publishedAt: string;
  currentVersion: number;
}

export interface ArticleVersion {
  version: number;
  doc: ArticleJSON;
  textHash: string;
  createdAt: string;
}

/** The claims map of a doc. */
export function claimsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.annotations);
}

/** The article's metadata; empty strings and version 0 before import. */
export function readMeta(doc: Y.Doc): ArticleMeta {
  const m = doc.getMap<unknown>(ROOT.meta);
  const str = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  const version = m.get('currentVersion');
  return {
    title: str('title'),
    sourceUrl: str('sourceUrl'),
    publisher: str('publisher'),
    publishedAt: str('publishedAt'),
    currentVersion: typeof version === 'number' ? version : 0,
  };
}

/** Writes metadata fields (server only: clients are refused writes to `meta`). */
export function writeMeta(doc: Y.Doc, meta: Partial<ArticleMeta>): void {
  const m = doc.getMap<unknown>(ROOT.meta);
  doc.transact(() => {
    for (const [k, v] of Object.entries(meta)) if (v !== undefined) m.set(k, v);
  });
}

/** One version of the article, by default the current one; null when absent. */
export function readArticleVersion(doc: Y.Doc, version?: number): ArticleVersion | null {
  const v = version ?? readMeta(doc).currentVersion;
  const entry = doc.getMap<unknown>(ROOT.article).get(`v${v}`);
  return entry && typeof entry === 'object' ? (entry as ArticleVersion) : null;
}

/** Stores a version of the article and makes it current (server only). */
export function writeArticleVersion(doc: Y.Doc, version: ArticleVersion): void {
  doc.transact(() => {
    doc.getMap<unknown>(ROOT.article).set(`v${version.version}`, version);
    doc.getMap<unknown>(ROOT.meta).set('currentVersion', version.version);
  });
}

/** Every stored version of the article, oldest first. */
export function listArticleVersions(doc: Y.Doc): ArticleVersion[] {
  const versions: ArticleVersion[] = [];
  doc.getMap<unknown>(ROOT.article).forEach((entry) => {
    if (entry && typeof entry === 'object' && typeof (entry as ArticleVersion).version === 'number') versions.push(entry as ArticleVersion);
  });
  return versions.sort((a, b) => a.version - b.version);
}

/** Which growing parts of a claim to leave out of a snapshot (each then reads as empty). */
export interface ClaimReadOptions {
  history?: boolean;
  thread?: boolean;
}

/** The fields a claim presents with a default when they are not stored (`presentField`). */
const DEFAULTED_FIELDS = ['tags', 'sources', 'review', 'threadResolved', 'history', 'thread', 'status', 'createdAt', 'updatedAt'] as const;

/** Every key of a claim's map, in the order `invalid` names them. */
const CLAIM_KEYS: readonly string[] = [...CLAIM_FIELDS, ...NESTED_FIELDS];

/**
 * A plain snapshot of one claim Y.Map; `history: false` / `thread: false` skip those (growing)
 * lists. Each stored field is checked (`checkedField`): a bad one reads as a safe value and is
 * named in `invalid`, as is a key a claim does not have (never copied: it may be any size).
 * `key`, the claim's key in the claims map, stands in for an unusable stored id.
 */
export function claimFromMap(map: Y.Map<unknown>, options: ClaimReadOptions = {}, key?: string): Claim {
  const json: Record<string, unknown> = {};
  const bad = new Set<string>();
  const unknown: string[] = [];
  map.forEach((value, field) => {
    if ((field === 'history' && options.history === false) || (field === 'thread' && options.thread === false)) return;
    if (!isClaimKey(field)) {
      unknown.push(unknownKeyName(field));
      return;
    }
    const checked = checkedField(field, value instanceof Y.AbstractType ? value.toJSON() : value);
    if (!checked.ok) bad.add(field);
    if (checked.value !== undefined) json[field] = checked.value;
  });
  for (const field of CLAIM_FIELDS) {
    if (map.has(field)) continue;
    const checked = checkedField(field, undefined);
    if (checked.ok) continue;
    bad.add(field);
    json[field] = checked.value;
  }
  if (key !== undefined && !json.id && checkedField('id', key).ok) json.id = key;
  for (const field of DEFAULTED_FIELDS) json[field] = presentField(field, json[field]);
  if (bad.size > 0 || unknown.length > 0) json.invalid = [...CLAIM_KEYS.filter((field) => bad.has(field)), ...unknown];
  return json as unknown as Claim;
}

/** Orders claims in reading order: by start, the longer (outer) one first. */
export function compareReadingOrder(a: Claim, b: Claim): number {
  // A claim compared with itself (finding a listed claim's number): no string comparison. The
  // first `localeCompare` in a page sets up the collator, about 20 ms on the first remote claim.
  if (a === b) return 0;
  const pa = a.target.position;
  const pb = b.target.position;
  return pa.start - pb.start || pb.end - pa.end || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Where `claim` goes among `sorted` claims (in reading order): how many come before it, by binary search (its own index when listed). */
export function readingOrderIndex(sorted: readonly Claim[], claim: Claim): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareReadingOrder(sorted[mid], claim) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether a claim read from the doc can be listed: it has an id. A claim whose stored target is
 * unusable reads with an empty one (`NO_TARGET`): listed, never highlighted.
 */
export function isListedClaim(claim: Pick<Claim, 'id' | 'target'>): boolean {
  return !!claim.target?.position && typeof claim.id === 'string' && claim.id !== '';
}

/** Every claim of the doc that can be listed, in reading order; entries that are not claim maps are left out. */
export function listClaims(doc: Y.Doc): Claim[] {
  const claims: Claim[] = [];
  claimsMap(doc).forEach((map, key) => {
    if (!(map instanceof Y.Map)) return;
    const claim = claimFromMap(map, {}, key);
    if (isListedClaim(claim)) claims.push(claim);
  });
  return claims.sort(compareReadingOrder);
}

/** One claim (bad stored values flagged, see `claimFromMap`), or null; `history: false` / `thread: false` leave those lists empty (cheaper). */
export function readClaim(doc: Y.Doc, id: string, options: ClaimReadOptions = {}): Claim | null {
  const map = claimsMap(doc).get(id);
  return map instanceof Y.Map ? claimFromMap(map, options, id) : null;
}

/** A random id; Web Crypto exists in browsers and in Node 20 alike. */
function newId(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}

/**
 * Writes a new claim by `author` with its content and empty history and thread; returns its id
 * (a new one unless `id` is given, as a re-import does). The server stamps the rest (`stampNewClaim`).
 */
export function createClaim(doc: Y.Doc, author: PersonRef, input: ClaimInput, id = newId()): string {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    claimsMap(doc).set(id, map);
    map.set('id', id);
    map.set('author', author);
    map.set('target', input.target);
    map.set('verdict', input.verdict);
    map.set('rationale', input.rationale);
    map.set('sources', input.sources);
    map.set('tags', input.tags ?? []);
    map.set('history', new Y.Array<HistoryEntry>());
    map.set('thread', new Y.Map<Comment>());
  });
  return id;
}

/** Changes the given content fields of a claim; returns the fields that changed (the server records the edit). */
export function updateClaim(doc: Y.Doc, id: string, patch: Partial<ClaimInput>): (keyof ClaimInput)[] {
  const map = claimsMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${id}`);
  const before = claimFromMap(map);
  const changed = (Object.keys(patch) as (keyof ClaimInput)[]).filter(
    (k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
  );
  if (changed.length === 0) return changed;
  doc.transact(() => {
    for (const k of changed) map.set(k, patch[k]);
  });
  return changed;
}

/** The claim's history list, made if a claim lacks one (server only). */
function historyOf(map: Y.Map<unknown>): Y.Array<HistoryEntry> {
  let history = map.get('history');
  if (!(history instanceof Y.Array)) {
    history = new Y.Array<HistoryEntry>();
    map.set('history', history);
  }
  return history as Y.Array<HistoryEntry>;
}

/** Stamps a claim a client has just created: its times, draft status, no review, and a "created" entry (server only). */
export function stampNewClaim(doc: Y.Doc, id: string, now = new Date()): void {
  const map = claimsMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${id}`);
  const at = now.toISOString();
  const author = map.get('author') as PersonRef;
  doc.transact(() => {
    map.set('createdAt', at);
    map.set('updatedAt', at);
    map.set('status', 'draft');
    map.set('review', null);
    if (!(map.get('thread') instanceof Y.Map)) map.set('thread', new Y.Map<Comment>());
    historyOf(map).push([{ at, by: author, action: 'created' }]);
  });
}

/** Creates a claim and stamps it at once, as the server does for what it writes itself (imports, tests). */
export function createStampedClaim(doc: Y.Doc, author: PersonRef, input: ClaimInput, now = new Date(), id = newId()): string {
  doc.transact(() => {
    createClaim(doc, author, input, id);
    stampNewClaim(doc, id, now);
  });
  return id;
}

/** Records an accepted edit of `fields` by `by`: the time, and an "edited" history entry (server only). */
export function recordClaimEdit(doc: Y.Doc, id: string, by: PersonRef, fields: string[], now = new Date(), note?: string): void {
  const map = claimsMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${id}`);
  const at = now.toISOString();
  doc.transact(() => {
    map.set('updatedAt', at);
    historyOf(map).push([{ at, by, action: 'edited', fields, ...(note ? { note } : {}) }]);
  });
}

/** The fields a new version of the article, or a triage decision, changes in a claim. */
export type AnchoringPatch = Partial<Pick<Claim, 'target' | 'checkedVersion' | 'anchor' | 'pastTargets'>>;

/**
 * Writes the anchoring fields of a claim. With `record` (server only), also stamps `updatedAt`
 * and appends an "edited" history entry naming the fields.
 */
export function setClaimAnchoring(
  doc: Y.Doc,
  id: string,
  patch: AnchoringPatch,
  record?: { by: PersonRef; note: string; now?: Date },
): void {
  const map = claimsMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${id}`);
  const fields = (Object.keys(patch) as (keyof AnchoringPatch)[]).filter((k) => patch[k] !== undefined);
  doc.transact(() => {
    for (const k of fields) map.set(k, patch[k]);
    if (record) recordClaimEdit(doc, id, record.by, fields, record.now, record.note);
  });
}

/** Moves a claim to `status`, optionally with a review decision, and records it in the history (server only). */
export function setClaimStatus(
  doc: Y.Doc,
  id: string,
  status: ClaimStatus,
  by: PersonRef,
  entry: Omit<HistoryEntry, 'at' | 'by'>,
  review?: Review | null,
  now = new Date(),
): void {
  const map = claimsMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${id}`);
  const at = now.toISOString();
  doc.transact(() => {
    map.set('status', status);
    if (review !== undefined) map.set('review', review);
    map.set('updatedAt', at);
    historyOf(map).push([{ at, by, ...entry }]);
  });
}

/** Adds `comment` to a claim's thread (or replaces the comment with its id). */
export function addComment(doc: Y.Doc, claimId: string, comment: Comment): void {
  const map = claimsMap(doc).get(claimId);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${claimId}`);
  (map.get('thread') as Y.Map<Comment>).set(comment.id, comment);
}

function threadOf(doc: Y.Doc, claimId: string): Y.Map<Comment> {
  const map = claimsMap(doc).get(claimId);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${claimId}`);
  return map.get('thread') as Y.Map<Comment>;
}

/** Writes a new comment by `author` into a claim's thread; returns its id. */
export function replyToClaim(doc: Y.Doc, claimId: string, author: PersonRef, text: string, now = new Date(), id = newId()): string {
  const at = now.toISOString();
  threadOf(doc, claimId).set(id, { id, author, createdAt: at, updatedAt: at, text });
  return id;
}

/** Replaces the text of a comment, stamped with `by` (its author) and the time of the edit. */
export function editComment(doc: Y.Doc, claimId: string, commentId: string, by: PersonRef, text: string, now = new Date()): void {
  const thread = threadOf(doc, claimId);
  const old = thread.get(commentId);
  if (!old) throw new Error(`No comment ${commentId}`);
  thread.set(commentId, { ...old, author: by, text, updatedAt: now.toISOString() });
}

/** Removes a comment from a claim's thread. */
export function deleteComment(doc: Y.Doc, claimId: string, commentId: string): void {
  threadOf(doc, claimId).delete(commentId);
}

/** Marks a claim's thread resolved by `resolution.by`, or reopens it (null) (server only). */
export function setThreadResolved(doc: Y.Doc, claimId: string, resolution: ThreadResolution | null): void {
  const map = claimsMap(doc).get(claimId);
  if (!(map instanceof Y.Map)) throw new Error(`No claim ${claimId}`);
  map.set('threadResolved', resolution);
}

/** Removes a claim. */
export function deleteClaim(doc: Y.Doc, id: string): void {
  claimsMap(doc).delete(id);
}

/** Calls `onChange` after every change to the claims; returns the unsubscribe function. */
export function observeClaims(doc: Y.Doc, onChange: () => void): () => void {
  const map = claimsMap(doc);
  const handler = () => onChange();
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
