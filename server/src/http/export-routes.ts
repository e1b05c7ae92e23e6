/**
 * Export of an article with its claims as a download: standalone annotated HTML (with
 * ClaimReview), W3C Web Annotations or CSV. The exporters are pure functions in shared/;
 * this file reads the live document through its room (so the export includes changes not
 * yet compacted) and maps the query onto them.
 */
import { EXPORT_FORMATS, INCLUDE_OPTIONS, exportDoc, isExportFormat, type Include } from '@factdesk/shared';
import type { DocumentRepository } from '../documents/documents.js';
import { badRequest, notFound } from '../errors.js';
import type { Rooms } from '../rooms/types.js';
import type { RouteTable } from './api.js';

export interface ExportRouteDeps {
  documents: Pick<DocumentRepository, 'exists'>;
  rooms: Pick<Rooms, 'withDoc'>;
  /** The newsroom named as the ClaimReview author (default "Factdesk newsroom"). */
  organisation?: string;
}

/** GET /api/documents/:id/export?format=html|jsonld|csv&include=approved|all, for anyone signed in. */
export function exportRoutes({ documents, rooms, organisation }: ExportRouteDeps): RouteTable {
  return [
    [
      'GET',
      '/api/documents/:id/export',
      {
        access: 'user',
        handle({ params, query }) {
          const format = query.get('format') ?? 'html';
          if (!isExportFormat(format)) throw badRequest(`format must be one of ${EXPORT_FORMATS.join(', ')}.`);
          const include = query.get('include') ?? 'approved';
          if (!(INCLUDE_OPTIONS as readonly string[]).includes(include)) {
            throw badRequest(`include must be one of ${INCLUDE_OPTIONS.join(', ')}.`);
          }
          if (!documents.exists(params.id)) throw notFound('There is no such document.');
          const result = rooms.withDoc(params.id, (doc) =>
            exportDoc(doc, { format, include: include as Include, documentId: params.id, organisation }),
          );
          return {
            text: result.text,
            headers: {
              'Content-Type': result.contentType,
              'Content-Disposition': `attachment; filename="${params.id}.${result.extension}"`,
            },
          };
        },
      },
    ],
  ];
}
