/**
 * The article's first-paint payload (GET /api/documents/:id/first-paint): its text and its
 * claims' highlights, to paint before the Y.Doc has synced. For an article opened by its
 * address the request is already under way (early-requests.ts). What came back is read by
 * first-paint-payload.ts.
 */
import { takeEarlyRequest } from './early-requests.js';
import { readJson } from './http.js';

const firstPaintPath = (docId: string) => `/api/documents/${encodeURIComponent(docId)}/first-paint`;

function request(docId: string): Promise<Response> {
  return fetch(firstPaintPath(docId), { credentials: 'same-origin', headers: { accept: 'application/json' } });
}

/**
 * The payload's JSON as sent (unchecked); rejects with ApiError (status 0 when unreachable).
 * The early request is used when there is one; if it failed (it may have been made before
 * signing in), it is asked again.
 */
export function takeFirstPaint(docId: string): Promise<unknown> {
  const early = takeEarlyRequest(firstPaintPath(docId));
  return early ? readJson(early).catch(() => readJson(request(docId))) : readJson(request(docId));
}
