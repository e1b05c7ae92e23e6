/**
 * Versions of an article. Uploading one re-reads the whole article and carries every claim of
 * the team over to it (shared/src/anchoring/new-version.ts), written into the live room so
 * that everyone connected sees the new text and the re-anchored claims at once; it is a
 * reviewer's or an admin's call, and each upload is in the audit log.
 */
import {
  addArticleVersion,
  canUploadVersion,
  importArticle,
  ImportTooLargeError,
  IMPORT_LIMITS,
  listArticleVersions,
  readMeta,
  UnchangedVersionError,
  type ArticleJSON,
} from '@factdesk/shared';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import type { DocumentRepository } from '../documents/documents.js';
import { ApiError, badRequest, conflict, notFound } from '../errors.js';
import type { Rooms } from '../rooms/types.js';
import { SERVER_PERSON } from '../validation/sign-off.js';
import { parseInput, type RouteTable } from './api.js';

/** The JSON around the content: escaping can double it. */
const VERSION_BODY_LIMIT_BYTES = 2 * IMPORT_LIMITS.maxContentBytes + 64 * 1024;

const versionSchema = z.object({
  format: z.enum(['text', 'markdown', 'html'], { error: 'The format must be "text", "markdown" or "html".' }),
  content: z.string({ error: 'The article content is missing.' }),
});

export interface VersionRouteDeps {
  documents: Pick<DocumentRepository, 'exists'> & Partial<Pick<DocumentRepository, 'touch'>>;
  rooms: Pick<Rooms, 'withDoc'>;
  audit: Pick<AuditLog, 'record'>;
  /** Told after a new version is in the document (the first-paint payloads forget theirs). */
  onNewVersion?(docId: string): void;
}

function readArticle(format: 'text' | 'markdown' | 'html', content: string): ArticleJSON {
  try {
    return importArticle({ format, content }).doc;
  } catch (error) {
    if (error instanceof ImportTooLargeError) throw new ApiError(413, error.message);
    throw badRequest(error instanceof Error ? error.message : 'The article could not be read.');
  }
}

/** GET and POST /api/documents/:id/versions. */
export function versionRoutes({ documents, rooms, audit, onNewVersion }: VersionRouteDeps): RouteTable {
  return [
    [
      'GET',
      '/api/documents/:id/versions',
      {
        access: 'user',
        handle({ params }) {
          if (!documents.exists(params.id)) throw notFound('There is no such document.');
          return {
            body: rooms.withDoc(params.id, (doc) => ({
              current: readMeta(doc).currentVersion,
              versions: listArticleVersions(doc).map(({ version, createdAt, textHash }) => ({ version, createdAt, textHash })),
            })),
          };
        },
      },
    ],
    [
      'POST',
      '/api/documents/:id/versions',
      {
        access: 'user',
        async handle({ params, actor, body }) {
          if (!canUploadVersion(actor)) throw new ApiError(403, 'Only a reviewer or an admin may upload a new version.');
          if (!documents.exists(params.id)) throw notFound('There is no such document.');
          const input = parseInput(versionSchema, await body(VERSION_BODY_LIMIT_BYTES));
          const article = readArticle(input.format, input.content);
          const now = new Date();
          const summary = rooms.withDoc(params.id, (doc) => {
            try {
              return addArticleVersion(doc, article, SERVER_PERSON, now);
            } catch (error) {
              if (error instanceof UnchangedVersionError) throw conflict(error.message);
              throw error;
            }
          });
          documents.touch?.(params.id, now.toISOString());
          onNewVersion?.(params.id);
          const { reopened, ...counts } = summary;
          audit.record(actor.id, 'document.version-uploaded', { documentId: params.id, ...counts, reopened: reopened.length });
          return { status: 201, body: { ...counts, reopened } };
        },
      },
    ],
  ];
}
