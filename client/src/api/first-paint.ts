/**
 * The article's first-paint payload (GET /api/documents/:id/first-paint): its text and its
 * claims' highlights, to paint before the Y.Doc has synced. For an article opened by its
 * address the request is already under way (early-requests.ts). What came back is read by
 * first-paint-payload.ts.
 */
import { takeEarlyRequest } from './early-requests.js';
import { ApiError, readJson } from './http.js';

const firstPaintPath = (docId: string) => `/api/documents/${encodeURIComponent(docId)}/first-paint`;

function request(docId: string): Promise<Response> {
  return fetch(firstPaintPath(docId), { credentials: 'same-origin', headers: { accept: 'application/json' } });
}

/** Early answers that are the server's last word on the article: it does not exist, or may not be opened. */
const FINAL_STATUSES = new Set([403, 404]);

/**
 * The payload's JSON as sent (unchecked); rejects with ApiError (status 0 when unreachable).
 * The early request is used when there is one; if it failed otherwise (it may have been made
 * before signing in, or the network blinked), it is asked again.
 */
export function takeFirstPaint(docId: string): Promise<unknown> {
  const early = takeEarlyRequest(firstPaintPath(docId));
  if (!early) return readJson(request(docId));
  return readJson(early).catch((error: unknown) => {
    if (error instanceof ApiError && FINAL_STATUSES.has(error.status)) throw error;
    return readJson(request(docId));
  });
}
