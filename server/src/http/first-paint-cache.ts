/**
 * The first-paint payloads (first-paint.ts), serialised once per document and kept until its
 * highlights may have changed: a claim created, deleted, moved, re-anchored or given another
 * verdict (the rooms' `onClaimsChanged`), or a new version of the article. Building one reads
 * the whole doc through its room (loading it if the room rests, as an export does), so an
 * article opened many times costs that once per change, not once per reader. Bounded in bytes:
 * the least recently used payloads go first.
 */
import type * as Y from 'yjs';
import type { ClaimsChange } from '../rooms/types.js';
import { firstPaintOf } from './first-paint.js';

/** The claim fields a highlight is made of ('*': created or deleted); edits of anything else keep the payload. */
const DRAWN_FIELDS = new Set(['*', 'id', 'target', 'verdict', 'anchor', 'createdAt']);

/** At most this many bytes of payloads are kept (≈ 3 MB for an article with 10,000 claims, its static copy included). */
const DEFAULT_BUDGET_BYTES = 32 * 1024 * 1024;

/** A long article's static copy, as its page is served with it (article-page.ts). */
export interface StaticCopy {
  version: number;
  textHash: string;
  /** shared/src/highlights/static-html.ts: every text and attribute escaped. */
  html: string;
}

interface Entry {
  text: string;
  copy: StaticCopy | null;
}

export interface FirstPaintCache {
  /** The payload of `docId` as JSON text (null while the article has no text), built if not cached. */
  get(docId: string): string | null;
  /** The static copy of the same payload (null when the article is not long enough to have one). */
  copy(docId: string): StaticCopy | null;
  /** The rooms' listener: forgets the payload when a drawn field of a claim changed. */
  onClaimsChanged(change: ClaimsChange): void;
  /** Forgets the payload of `docId` (e.g. after a new version). */
  forget(docId: string): void;
}

/** A cache reading documents through `withDoc` (the rooms'). */
export function createFirstPaintCache(
  withDoc: <T>(docId: string, fn: (doc: Y.Doc) => T) => T,
  budgetBytes = DEFAULT_BUDGET_BYTES,
): FirstPaintCache {
  // Insertion order is recency: a hit moves its entry to the end.
  const cached = new Map<string, Entry>();
  let bytes = 0;
  const size = (entry: Entry) => entry.text.length + (entry.copy?.html.length ?? 0);

  function forget(docId: string): void {
    const entry = cached.get(docId);
    if (entry === undefined) return;
    cached.delete(docId);
    bytes -= size(entry);
  }

  function keep(docId: string, entry: Entry): void {
    cached.set(docId, entry);
    bytes += size(entry);
    for (const [oldest, old] of cached) {
      if (bytes <= budgetBytes || oldest === docId) break;
      cached.delete(oldest);
      bytes -= size(old);
    }
  }

  function entry(docId: string): Entry | null {
    const hit = cached.get(docId);
    if (hit !== undefined) {
      cached.delete(docId);
      cached.set(docId, hit);
      return hit;
    }
    const payload = withDoc(docId, (doc) => firstPaintOf(docId, doc));
    if (!payload) return null;
    const { version, textHash } = payload.version;
    const built = { text: JSON.stringify(payload), copy: payload.staticHtml ? { version, textHash, html: payload.staticHtml } : null };
    keep(docId, built);
    return built;
  }

  return {
    get: (docId) => entry(docId)?.text ?? null,
    copy: (docId) => entry(docId)?.copy ?? null,
    onClaimsChanged({ docId, claimIds, fields }) {
      if (!cached.has(docId)) return;
      const drawn = claimIds.some((id) => {
        const written = fields.get(id);
        return !written || [...written].some((field) => DRAWN_FIELDS.has(field));
      });
      if (drawn) forget(docId);
    },
    forget,
  };
}
