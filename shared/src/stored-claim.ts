/**
 * A claim as stored may hold anything the Yjs format allows: the server's checks keep bad
 * values out, but a value that slipped past them once stays in the update log for good. So
 * every reader takes each stored field through `checkedField`: a value that fails its schema
 * (claim.ts) is replaced by one that asserts nothing — no verdict, no place in the text, no
 * sign-off — and the claim names the field in `invalid`, so it is still listed, with a note,
 * instead of breaking the page or the export that shows it.
 */
import { commentSchema, historyEntrySchema, sourceSchema, targetSchema, CLAIM_FIELDS, LIMITS, NESTED_FIELDS, type Claim, type Target } from './claim.js';
import { fieldRefusal } from './permissions.js';
import { quickHistoryEntryValid } from './quick-checks.js';
import { isVerdictId, verdict, type Verdict } from './verdicts.js';

/** Every key a claim's Y.Map may have. */
const CLAIM_KEYS: ReadonlySet<string> = new Set<string>([...CLAIM_FIELDS, ...NESTED_FIELDS]);

/** Whether `key` is one a claim's Y.Map may have (the others are unknown data). */
export function isClaimKey(key: string): boolean {
  return CLAIM_KEYS.has(key);
}

/** How much of an unknown key's name a claim's `invalid` list keeps. */
export const KEY_PREVIEW = 40;

/**
 * What a claim with no usable target shows: an empty quote nothing can be anchored to, placed
 * after the whole text so that in reading order it comes after every claim with a place.
 */
export const NO_TARGET: Target = Object.freeze({
  version: 1,
  quote: Object.freeze({ exact: '', prefix: '', suffix: '' }),
  position: Object.freeze({ start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER }),
}) as Target;

/** The author a claim shows when its stored author is unusable: nobody any rule recognises. */
const NO_AUTHOR = Object.freeze({ id: '', name: 'Unknown author' });

/** A field whose absence readers cannot fill in: without it the claim says nothing. */
const NEEDED = new Set(['target', 'verdict']);

/** How a stored field reads: its value (or the safe one in its place) and whether the stored one was usable. */
export interface CheckedField {
  value: unknown;
  ok: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/*
 * The quick checks below accept only what the schemas accept, without zod: every claim the
 * client reads goes through them, and zod on each claim's sources and review doubled the time
 * to read ten thousand claims. What they do not accept goes to the schema.
 */
const isText = (v: unknown, min: number, max: number): boolean => typeof v === 'string' && v.length >= min && v.length <= max;
const isPerson = (v: unknown): boolean => isRecord(v) && isText(v.id, 1, 64) && isText(v.name, 1, 200);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const isIsoDate = (v: unknown): boolean => typeof v === 'string' && ISO.test(v) && new Date(v).toISOString() === v;

function sourceQuick(source: unknown): boolean {
  if (!isRecord(source)) return false;
  const { url, title } = source;
  return typeof url === 'string' && url.length <= LIMITS.sourceUrl && /^https?:\/\/[^\s]+$/i.test(url) && isText(title, 0, LIMITS.sourceTitle);
}

function reviewQuick(review: unknown): boolean {
  if (!isRecord(review)) return false;
  const { decision, reviewer, at, comment } = review;
  return (decision === 'approved' || decision === 'changes-requested') && isPerson(reviewer) && isIsoDate(at) && isText(comment, 0, LIMITS.comment);
}

/** Whether a stored field is certainly valid without asking its schema (false: ask it). */
function quickOk(key: string, stored: unknown): boolean {
  switch (key) {
    case 'sources':
      return Array.isArray(stored) && stored.length <= LIMITS.sources && stored.every(sourceQuick);
    case 'tags':
      return Array.isArray(stored) && stored.length <= LIMITS.tags && stored.every(tagOk);
    case 'review':
      return reviewQuick(stored);
    default:
      return false;
  }
}

/** Sources and tags are checked one by one, so one bad source does not hide the good ones. */
const sourceOk = (source: unknown): boolean => sourceQuick(source) || sourceSchema.safeParse(source).success;

const tagOk = (tag: unknown): boolean => typeof tag === 'string' && tag.length >= 1 && tag.length <= LIMITS.tag;
const targetOk = (target: unknown): boolean => targetSchema.safeParse(target).success;
const historyEntryOk = (entry: unknown): boolean => quickHistoryEntryValid(entry) || historyEntrySchema.safeParse(entry).success;
const commentOk = (comment: unknown): boolean => commentSchema.safeParse(comment).success;

/** The usable elements of a list field, at most `max` of them. */
function usable(value: unknown, ok: (element: unknown) => boolean, max: number): unknown[] {
  return Array.isArray(value) ? value.filter(ok).slice(0, max) : [];
}

/** The value a reader shows in place of a bad stored `key`; undefined: as if not stored. */
function safeValue(key: string, stored: unknown): unknown {
  switch (key) {
    case 'target':
      return NO_TARGET;
    // A verdict without a number; shown as "Invalid verdict" (`shownVerdict`), never published.
    case 'verdict':
      return 'unverifiable';
    case 'sources':
      return usable(stored, sourceOk, LIMITS.sources);
    case 'tags':
      return usable(stored, tagOk, LIMITS.tags);
    case 'pastTargets':
      return usable(stored, targetOk, Infinity);
    case 'author':
      return NO_AUTHOR;
    case 'id':
    case 'rationale':
    case 'createdAt':
    case 'updatedAt':
      return '';
    case 'status':
      return 'draft';
    case 'review':
    case 'threadResolved':
    case 'anchor':
      return null;
    default:
      return undefined;
  }
}

/**
 * One stored field of a claim (its JSON) checked against its schema: the value when usable,
 * else a safe one with `ok: false`. The history keeps its usable entries and the thread its
 * usable comments. Absent fields are usable (the claim presents its default) except the
 * target and the verdict.
 */
export function checkedField(key: string, stored: unknown): CheckedField {
  if (key === 'history') {
    if (stored === undefined) return { value: stored, ok: true };
    const entries = usable(stored, historyEntryOk, Infinity);
    return { value: entries, ok: Array.isArray(stored) && entries.length === stored.length };
  }
  if (key === 'thread') {
    if (stored === undefined) return { value: stored, ok: true };
    if (!isRecord(stored)) return { value: {}, ok: false };
    const comments: Record<string, unknown> = {};
    let ok = true;
    for (const [id, comment] of Object.entries(stored)) {
      if (commentOk(comment)) comments[id] = comment;
      else ok = false;
    }
    return { value: ok ? stored : comments, ok };
  }
  if (stored === undefined) return NEEDED.has(key) ? { value: safeValue(key, stored), ok: false } : { value: stored, ok: true };
  if (quickOk(key, stored) || fieldRefusal(key, stored) === null) return { value: stored, ok: true };
  return { value: safeValue(key, stored), ok: false };
}

/** The name a claim's `invalid` list gives an unknown key: its start, never the whole of it. */
export function unknownKeyName(key: string): string {
  return key.slice(0, KEY_PREVIEW);
}

/** Whether a claim read from the doc had an unusable stored `field` (see `Claim.invalid`). */
export function isFlagged(claim: Pick<Claim, 'invalid'>, field: string): boolean {
  return claim.invalid?.includes(field) ?? false;
}

/** How a claim whose stored verdict is unusable shows it: no rating, never a verdict of the scale. */
export const INVALID_VERDICT: Verdict = Object.freeze({ id: 'unverifiable', label: 'Invalid verdict', rating: null, icon: '⚠', colour: '#6e7781' });

/** The verdict to show for a claim: its own, or `INVALID_VERDICT` when the stored one was unusable. */
export function shownVerdict(claim: Pick<Claim, 'verdict' | 'invalid'>): Verdict {
  return isFlagged(claim, 'verdict') || !isVerdictId(claim.verdict) ? INVALID_VERDICT : verdict(claim.verdict);
}

/** A sentence naming a claim's unusable stored fields, for the notes readers show; null when there are none. */
export function invalidFieldsNote(claim: Pick<Claim, 'invalid'>): string | null {
  if (!claim.invalid?.length) return null;
  return `Stored values failed their checks and are not shown: ${claim.invalid.join(', ')}.`;
}
