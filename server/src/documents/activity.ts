/**
 * "Last activity" on the article list: a document's `updatedAt` moves forward when its
 * claims change. Claims can change many times a second while people type a rationale, so
 * a document's row is written at most once per interval; the list is then at most that
 * much behind, which is plenty for "active 2 minutes ago".
 */
import type { DocumentRepository } from './documents.js';

export const ACTIVITY_INTERVAL_MS = 10_000;

/** A claims-change listener that records activity on the changed document, throttled per document. */
export function createActivityRecorder(
  documents: Pick<DocumentRepository, 'touch'>,
  { intervalMs = ACTIVITY_INTERVAL_MS, now = () => Date.now() } = {},
): (change: { docId: string }) => void {
  const lastWrite = new Map<string, number>();
  return ({ docId }) => {
    const at = now();
    if (at - (lastWrite.get(docId) ?? -Infinity) < intervalMs) return;
    lastWrite.set(docId, at);
    documents.touch(docId, new Date(at).toISOString());
  };
}
