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

/** At most this many bytes of payloads are kept (≈ 1 MB for an article with 10,000 claims). */
const DEFAULT_BUDGET_BYTES = 32 * 1024 * 1024;

export interface FirstPaintCache {
  /** The payload of `docId` as JSON text (null while the article has no text), built if not cached. */
  get(docId: string): string | null;
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
  const cached = new Map<string, string>();
  let bytes = 0;

  function forget(docId: string): void {
    const text = cached.get(docId);
    if (text === undefined) return;
    cached.delete(docId);
    bytes -= text.length;
  }

  function keep(docId: string, text: string): void {
    cached.set(docId, text);
    bytes += text.length;
    for (const [oldest, old] of cached) {
      if (bytes <= budgetBytes || oldest === docId) break;
      cached.delete(oldest);
      bytes -= old.length;
    }
  }

  return {
    get(docId) {
      const hit = cached.get(docId);
      if (hit !== undefined) {
        cached.delete(docId);
        cached.set(docId, hit);
        return hit;
      }
      const payload = withDoc(docId, (doc) => firstPaintOf(docId, doc));
      if (!payload) return null;
      const text = JSON.stringify(payload);
      keep(docId, text);
      return text;
    },
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
