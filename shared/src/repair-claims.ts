/**
 * Finding and removing stored claim values that fail their schema — bad fields, keys a claim
 * does not have, history entries and comments that are not ones, and claims-map entries that
 * are not claims — so what slipped past the checks once stops costing every reader. Readers
 * cope without it (stored-claim.ts); this is the clean-up, run by the server as its own write.
 * It only removes: a bad list keeps its usable elements, any other bad field goes (the claim
 * then reads as not stored there), so a second run finds nothing.
 */
import * as Y from 'yjs';
import { CLAIM_FIELDS } from './claim.js';
import { fieldRefusal } from './permissions.js';
import { checkedField, isClaimKey } from './stored-claim.js';
import { claimsMap } from './ydoc.js';

/** One stored value a repair removes, described without the value itself. */
export interface StoredProblem {
  /** The claim's key in the claims map (escaped, at most 64 characters). */
  claimId: string;
  /** The field, the start of an unknown key's name (escaped), or "(entry)" for an entry that is not a claim. */
  field: string;
  /** Why the value is bad. */
  reason: string;
  /** The start of the value as JSON, escaped: never the whole of it. */
  preview: string;
  /** The length of the value as JSON, in characters. */
  size: number;
}

/** Fields whose usable elements a repair keeps. */
const LIST_FIELDS = new Set(['sources', 'tags', 'pastTargets']);
const PREVIEW_CHARS = 80;

/** The start of `text`, safe to show anywhere: printable ASCII only, the rest (and markup characters) as \uXXXX; at most 2 × `max` + 1 characters. */
export function escapedPreview(text: string, max = PREVIEW_CHARS): string {
  const escaped = text.slice(0, max).replace(/[^\x20-\x7e]|[<>&"'\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Escapes may make it up to six times longer: the preview stays short all the same.
  const short = escaped.length > 2 * max ? escaped.slice(0, 2 * max).replace(/\\u?[0-9a-f]{0,3}$/, '') : escaped;
  return text.length > max || short !== escaped ? `${short}…` : short;
}

function jsonOf(value: unknown): string {
  const plain = value instanceof Y.AbstractType ? value.toJSON() : value;
  try {
    return JSON.stringify(plain) ?? String(plain);
  } catch {
    return String(plain);
  }
}

function problem(claimId: string, field: string, reason: string, value: unknown): StoredProblem {
  const json = jsonOf(value);
  return { claimId: escapedPreview(claimId, 64), field: escapedPreview(field, 40), reason: escapedPreview(reason, 200), preview: escapedPreview(json), size: json.length };
}

/** A repair step: what it removes and how. */
interface Finding {
  problem: StoredProblem;
  remove(): void;
}

function findingsOf(doc: Y.Doc): Finding[] {
  const claims = claimsMap(doc) as Y.Map<unknown>;
  const found: Finding[] = [];
  claims.forEach((entry, claimId) => {
    if (!(entry instanceof Y.Map)) {
      found.push({ problem: problem(claimId, '(entry)', 'not a claim', entry), remove: () => claims.delete(claimId) });
      return;
    }
    const map = entry as Y.Map<unknown>;
    map.forEach((value, key) => {
      if (!isClaimKey(key)) {
        found.push({ problem: problem(claimId, key, 'unknown claim field', value), remove: () => map.delete(key) });
      } else if (key === 'history') {
        found.push(...historyFindings(claimId, map, value));
      } else if (key === 'thread') {
        found.push(...threadFindings(claimId, map, value));
      } else if ((CLAIM_FIELDS as readonly string[]).includes(key)) {
        const reason = fieldRefusal(key, value);
        if (reason === null) return;
        const keep = LIST_FIELDS.has(key) && Array.isArray(value) ? checkedField(key, value).value : undefined;
        found.push({
          problem: problem(claimId, key, reason, value),
          remove: () => (keep === undefined ? map.delete(key) : map.set(key, keep)),
        });
      }
    });
  });
  return found;
}

function listOf(entries: unknown[]): Y.Array<unknown> {
  const list = new Y.Array<unknown>();
  list.push(entries);
  return list;
}

function historyFindings(claimId: string, map: Y.Map<unknown>, history: unknown): Finding[] {
  if (!(history instanceof Y.Array)) {
    const usable = checkedField('history', history).value as unknown[];
    return [{ problem: problem(claimId, 'history', 'not a history list', history), remove: () => map.set('history', listOf(usable)) }];
  }
  const entries = history.toArray();
  const found: Finding[] = [];
  // From the end, so each index still points at its entry when it is removed.
  for (let i = entries.length - 1; i >= 0; i--) {
    if (checkedField('history', [entries[i]]).ok) continue;
    found.push({ problem: problem(claimId, 'history', `invalid history entry ${i}`, entries[i]), remove: () => history.delete(i, 1) });
  }
  return found;
}

function threadFindings(claimId: string, map: Y.Map<unknown>, thread: unknown): Finding[] {
  if (!(thread instanceof Y.Map)) {
    const usable = Object.entries(checkedField('thread', thread instanceof Y.AbstractType ? thread.toJSON() : thread).value as object);
    return [{ problem: problem(claimId, 'thread', 'not a thread', thread), remove: () => map.set('thread', new Y.Map(usable)) }];
  }
  const found: Finding[] = [];
  thread.forEach((comment, id) => {
    if (checkedField('thread', { [id]: comment }).ok) return;
    found.push({ problem: problem(claimId, 'thread', `invalid comment ${escapedPreview(id, 64)}`, comment), remove: () => thread.delete(id) });
  });
  return found;
}

/** Every stored claim value of `doc` that fails its schema, as a repair would remove it. */
export function findStoredProblems(doc: Y.Doc): StoredProblem[] {
  return findingsOf(doc).map((finding) => finding.problem);
}

/** Removes every stored value `findStoredProblems` finds, in one transaction with `origin`; returns what it removed. */
export function repairStoredClaims(doc: Y.Doc, origin: unknown = null): StoredProblem[] {
  const found = findingsOf(doc);
  if (found.length > 0) doc.transact(() => found.forEach((finding) => finding.remove()), origin);
  return found.map((finding) => finding.problem);
}
