/**
 * GET /api/documents/:id/first-paint — the article's current version with its claims'
 * highlights (first-paint.ts), for the browser to paint before the Y.Doc has synced. Whoever
 * may open the document's collaboration socket may read it: anyone signed in (session cookie
 * or bearer token), on a document that exists.
 */
import type { DocumentRepository } from '../documents/documents.js';
import { notFound } from '../errors.js';
import type { RouteTable } from './api.js';
import type { FirstPaintCache } from './first-paint-cache.js';

export interface FirstPaintRouteDeps {
  documents: Pick<DocumentRepository, 'exists'>;
  firstPaint: Pick<FirstPaintCache, 'get'>;
}

/** GET /api/documents/:id/first-paint, for anyone signed in. */
export function firstPaintRoutes({ documents, firstPaint }: FirstPaintRouteDeps): RouteTable {
  return [
    [
      'GET',
      '/api/documents/:id/first-paint',
      {
        access: 'user',
        handle({ params }) {
          if (!documents.exists(params.id)) throw notFound('There is no such document.');
          const text = firstPaint.get(params.id);
          // An article without text yet (not a missing one): nothing to paint early.
          if (text === null) return { body: { documentId: params.id, version: null, claimCount: 0, highlights: [] } };
          // Serialised once per change of the payload (first-paint-cache.ts), not per request.
          return { text, headers: { 'Content-Type': 'application/json; charset=utf-8' } };
        },
      },
    ],
  ];
}
