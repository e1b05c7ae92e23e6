/**
 * Reading the list of documents and one document's record. The article and its claims
 * travel over the collaboration socket, not here.
 */
import type { DocumentRepository } from '../documents/documents.js';
import { notFound } from '../errors.js';
import type { RouteTable } from './api.js';

/** GET /api/documents and GET /api/documents/:id, for anyone signed in. */
export function documentRoutes({ documents }: { documents: DocumentRepository }): RouteTable {
  return [
    [
      'GET',
      '/api/documents',
      {
        access: 'user',
        handle: () => ({
          body: {
            documents: documents.list().map(({ id, title, publisher, publishedAt, createdAt, updatedAt, archived }) => ({
              id,
              title,
              publisher,
              publishedAt,
              createdAt,
              updatedAt,
              archived,
            })),
          },
        }),
      },
    ],
    [
      'GET',
      '/api/documents/:id',
      {
        access: 'user',
        handle({ params }) {
          const document = documents.get(params.id);
          if (!document) throw notFound('There is no such document.');
          return { body: document };
        },
      },
    ],
  ];
}
