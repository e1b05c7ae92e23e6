/**
 * Re-import of W3C Web Annotations: the claims of an exported AnnotationCollection restored
 * onto an article. The server writes them into the live room (so connected clients see
 * them at once and the update log holds them) as a trusted import, which is why only a
 * reviewer or an admin may do it, and why each import is in the audit log.
 */
import { importAnnotationsIntoDoc, personRef, roleAtLeast } from '@factdesk/shared';
import type { AuditLog } from '../audit/audit-log.js';
import type { DocumentRepository } from '../documents/documents.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import type { Rooms } from '../rooms/types.js';
import type { RouteTable } from './api.js';

/** An export of a few thousand claims with their threads is several MiB. */
export const ANNOTATION_IMPORT_LIMIT_BYTES = 8 * 1024 * 1024;

export interface AnnotationImportDeps {
  documents: Pick<DocumentRepository, 'exists'>;
  rooms: Pick<Rooms, 'withDoc'>;
  audit: Pick<AuditLog, 'record'>;
}

/** POST /api/documents/:id/annotations with an AnnotationCollection; answers `{ imported, skipped, unanchored, warnings }`. */
export function annotationImportRoutes({ documents, rooms, audit }: AnnotationImportDeps): RouteTable {
  return [
    [
      'POST',
      '/api/documents/:id/annotations',
      {
        access: 'user',
        async handle({ params, actor, body }) {
          if (!roleAtLeast(actor.role, 'reviewer')) throw new ApiError(403, 'Only a reviewer or an admin may import annotations.');
          if (!documents.exists(params.id)) throw notFound('There is no such document.');
          const json = JSON.stringify(await body(ANNOTATION_IMPORT_LIMIT_BYTES));
          const result = rooms.withDoc(params.id, (doc) => {
            try {
              return importAnnotationsIntoDoc(doc, json, personRef(actor));
            } catch (error) {
              // The importer checks the whole file before its first write, so nothing was written.
              throw badRequest((error as Error).message);
            }
          });
          audit.record(actor.id, 'annotations.imported', {
            documentId: params.id,
            imported: result.imported,
            skipped: result.skipped,
            unanchored: result.unanchored,
          });
          return { body: result };
        },
      },
    ],
  ];
}
