/**
 * The rules as the oracle holds them, written from the design and kept apart from the gate
 * (it imports neither server/src/validation nor shared's permission rules), so the two can
 * disagree. Judges the change a sender's message made to the stored state, per claim and
 * field, and names every part of it the sender had no right to make. The server's own
 * follow-up writes after an accepted content change (timestamps, the draft status, history
 * entries, reopening a changed sign-off) count as consequences of that change.
 */
import type { ClaimView } from './doc-view.js';

export type Role = 'viewer' | 'annotator' | 'reviewer' | 'admin';

export interface Sender {
  id: string;
  name: string;
  role: Role;
}

export interface Violation {
  /** Short and stable, for grouping: e.g. "annotator: status changed on an existing claim". */
  kind: string;
  detail: string;
}

/** Fields a client may write: what a claim says and where it stands on the article. */
const CONTENT_FIELDS = new Set(['target', 'verdict', 'rationale', 'sources', 'tags', 'checkedVersion', 'anchor']);
/** Content a new claim may carry. */
const CREATE_FIELDS = new Set(['target', 'verdict', 'rationale', 'sources', 'tags']);
/** What a sign-off covers: changing it sends an approved claim back to review. */
const SIGNED_OFF_FIELDS = ['target', 'verdict', 'rationale', 'sources'];
/** Fields the server stamps on a new claim. */
const STAMPS = new Set(['id', 'author', 'createdAt', 'updatedAt', 'status', 'review', 'history', 'thread']);
const SCHEMA_FIELDS = new Set([...CONTENT_FIELDS, ...STAMPS, 'threadResolved', 'pastTargets']);
/** The identity the server signs its own history entries with. */
const SERVER_ID = 'factdesk';
/** A stamped time must be the time of the change (a client's clock may be off a little). */
const STAMP_WINDOW_MS = 10 * 60_000;

type Json = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const idOf = (person: unknown) => (person && typeof person === 'object' ? (person as Json).id : undefined);
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function recentTime(v: unknown, now: number): boolean {
  return typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) && Math.abs(Date.parse(v) - now) <= STAMP_WINDOW_MS;
}

/** A value a content field may hold (its rough shape: the schema's details are the gate's business). */
function contentShapeOk(field: string, v: unknown): boolean {
  switch (field) {
    case 'verdict':
    case 'rationale':
      return typeof v === 'string';
    case 'sources':
    case 'tags':
      return Array.isArray(v);
    case 'target':
      return isObject(v) && isObject(v.position) && isObject(v.quote);
    case 'checkedVersion':
      return typeof v === 'number';
    case 'anchor':
      return v === null || isObject(v);
    default:
      return false;
  }
}

/**
 * What `sender` did to one claim key, from `before` to `after` (undefined: absent); empty when
 * every part of it was theirs to do.
 */
export function judgeClaim(key: string, before: ClaimView | undefined, after: ClaimView | undefined, sender: Sender, now: number): Violation[] {
  if (same(before, after)) return [];
  const out: Violation[] = [];
  const flag = (what: string, detail = '') => out.push({ kind: `${sender.role}: ${what}`, detail: `claim ${key.slice(0, 40)}${detail ? `: ${detail}` : ''}` });
  if (sender.role === 'viewer') {
    flag('a viewer changed a claim');
    return out;
  }
  if (!before) {
    judgeCreate(after!, sender, now, flag, key);
    return out;
  }
  if (!after) {
    const own = idOf(before.fields.author) === sender.id;
    if (sender.role !== 'admin' && !own) flag("deleted someone else's claim");
    else if (sender.role !== 'admin' && before.fields.status === 'approved') flag('deleted an approved claim');
    return out;
  }
  if (after.kind !== 'YMap') return flag(`replaced a claim by a ${after.kind}`), out;
  for (const hidden of after.hiddenContent) if (!before.hiddenContent.includes(hidden)) flag('wrote content no field shows', hidden);

  const b = before.fields;
  const a = after.fields;
  const mayEditContent = sender.role === 'admin' || idOf(b.author) === sender.id;
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !same(b[f], a[f]) || before.shapes[f] !== after.shapes[f]);
  const contentChanged = changed.filter((f) => CONTENT_FIELDS.has(f));
  const signedOffChanged = SIGNED_OFF_FIELDS.filter((f) => changed.includes(f));
  const reopened = b.status === 'approved' && signedOffChanged.length > 0;
  for (const f of changed) {
    if (!SCHEMA_FIELDS.has(f)) flag('added a field outside the claim schema', JSON.stringify(f).slice(0, 60));
    else if (CONTENT_FIELDS.has(f)) {
      if (!mayEditContent) flag("edited someone else's claim", f);
      else if (after.shapes[f] !== undefined && after.shapes[f] !== 'value') flag('stored a nested type as a field', `${f} is a ${after.shapes[f]}`);
      else if (f in a && !contentShapeOk(f, a[f])) flag('stored a malformed field', `${f} = ${JSON.stringify(a[f])?.slice(0, 60)}`);
    } else if (f === 'status') {
      if (!(reopened && a.status === 'in-review' && mayEditContent)) flag('changed the status', `${String(b.status)} → ${String(a.status)}`);
    } else if (f === 'updatedAt') {
      if (contentChanged.length === 0 || !mayEditContent) flag('changed updatedAt without a content change', `fields changed: ${changed.join(', ')}`);
      else if (!recentTime(a.updatedAt, now)) flag('forged updatedAt', String(a.updatedAt));
    } else if (f === 'history') judgeHistory(before, after, sender, contentChanged.length > 0 && mayEditContent, reopened, changed, now, flag);
    else if (f === 'thread') judgeThread(before, after, sender, now, flag);
    else flag(`changed ${f}`);
  }
  return out;
}

function judgeCreate(after: ClaimView, sender: Sender, now: number, flag: (what: string, detail?: string) => void, key: string): void {
  if (after.kind !== 'YMap') return flag(`created a claim that is a ${after.kind}`);
  const a = after.fields;
  for (const hidden of after.hiddenContent) flag('wrote content no field shows', hidden);
  if (a.id !== key) flag('created a claim whose id is not its key', String(a.id).slice(0, 40));
  if (idOf(a.author) !== sender.id) flag('created a claim in someone else\'s name', JSON.stringify(a.author)?.slice(0, 60));
  for (const [f, v] of Object.entries(a)) {
    if (CREATE_FIELDS.has(f)) {
      if (after.shapes[f] !== 'value') flag('stored a nested type as a field', `${f} is a ${after.shapes[f]}`);
      else if (!contentShapeOk(f, v)) flag('stored a malformed field', `${f} = ${JSON.stringify(v)?.slice(0, 60)}`);
    } else if (!STAMPS.has(f)) flag(SCHEMA_FIELDS.has(f) ? `created a claim with ${f}` : 'added a field outside the claim schema', f.slice(0, 60));
  }
  if ('status' in a && a.status !== 'draft') flag('created a claim with a status', String(a.status));
  if ('review' in a && a.review !== null) flag('created a claim with a review');
  for (const f of ['createdAt', 'updatedAt']) if (f in a && !recentTime(a[f], now)) flag(`forged ${f} on a new claim`, String(a[f]));
  if ('history' in a) {
    if (after.shapes.history !== 'YArray') flag('stored a nested type as a field', `history is a ${after.shapes.history}`);
    const entries = Array.isArray(a.history) ? a.history : [];
    const bad = entries.filter((e) => !isObject(e) || e.action !== 'created' || idOf(e.by) !== sender.id);
    if (bad.length || entries.length > 1) flag('created a claim with a forged history', JSON.stringify(entries).slice(0, 120));
  }
  if ('thread' in a) {
    if (after.shapes.thread !== 'YMap') flag('stored a nested type as a field', `thread is a ${after.shapes.thread}`);
    else judgeThread(undefined, after, sender, now, flag);
  }
}

function judgeHistory(
  before: ClaimView,
  after: ClaimView,
  sender: Sender,
  contentChange: boolean,
  reopened: boolean,
  changed: string[],
  now: number,
  flag: (what: string, detail?: string) => void,
): void {
  if (after.shapes.history !== 'YArray' || before.shapes.history !== after.shapes.history) return flag('replaced the history');
  const was = Array.isArray(before.fields.history) ? before.fields.history : [];
  const is = Array.isArray(after.fields.history) ? after.fields.history : [];
  if (is.length < was.length || !same(is.slice(0, was.length), was)) return flag('rewrote or removed history entries');
  for (const e of is.slice(was.length)) {
    const entry = isObject(e) ? e : {};
    const ok =
      (entry.action === 'edited' && contentChange && idOf(entry.by) === sender.id && recentTime(entry.at, now)) ||
      (entry.action === 'reopened' && reopened && idOf(entry.by) === SERVER_ID);
    if (!ok) flag('appended a forged history entry', `${JSON.stringify(e).slice(0, 160)}; fields changed: ${changed.join(', ')}`);
  }
}

function judgeThread(before: ClaimView | undefined, after: ClaimView, sender: Sender, now: number, flag: (what: string, detail?: string) => void): void {
  if (before && (after.shapes.thread !== 'YMap' || before.shapes.thread !== after.shapes.thread)) return flag('replaced the thread');
  const was = (isObject(before?.fields.thread) ? before!.fields.thread : {}) as Json;
  const is = (isObject(after.fields.thread) ? after.fields.thread : {}) as Json;
  for (const id of new Set([...Object.keys(was), ...Object.keys(is)])) {
    const b = was[id];
    const a = is[id];
    if (same(a, b)) continue;
    if (a === undefined) {
      if (sender.role !== 'admin' && idOf(isObject(b) ? b.author : null) !== sender.id) flag("deleted someone else's comment");
      continue;
    }
    const comment = isObject(a) ? a : {};
    if (idOf(comment.author) !== sender.id) flag("wrote a comment in someone else's name", JSON.stringify(a).slice(0, 80));
    else if (b !== undefined && idOf(isObject(b) ? b.author : null) !== sender.id) flag("edited someone else's comment");
    else if (comment.id !== id || typeof comment.text !== 'string') flag('wrote a malformed comment', JSON.stringify(a).slice(0, 80));
    else if (b === undefined ? !recentTime(comment.createdAt, now) : !same(comment.createdAt, (b as Json).createdAt)) flag('forged a comment time');
  }
}

/** Roots other than the claims: nobody but the server writes them. */
export function judgeRoots(before: Record<string, string>, after: Record<string, string>, sender: Sender): Violation[] {
  const out: Violation[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[name] !== after[name]) out.push({ kind: `${sender.role}: wrote the ${name} root`, detail: (after[name] ?? 'removed').slice(0, 120) });
  }
  return out;
}
