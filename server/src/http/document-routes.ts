/**
 * The article list and one document's record, the import of a new article, and archiving.
 * The article and its claims travel over the collaboration socket, not here. Importing
 * writes a document the whole team then works on, so it is a reviewer's or an admin's
 * call (like re-importing annotations); archiving hides it from everyone, so it is an admin's.
 */
import { canImportArticles, IMPORT_LIMITS } from '@factdesk/shared';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import { emptyCounts, type ClaimCounts } from '../claims-index/index.js';
import { createDocument, type DocumentStores } from '../documents/create-document.js';
import type { DocumentRecord } from '../documents/documents.js';
import { ApiError, notFound } from '../errors.js';
import { parseInput, type RouteTable } from './api.js';

/** The JSON around the content: escaping can double it, and the metadata is small. */
export const IMPORT_BODY_LIMIT_BYTES = 2 * IMPORT_LIMITS.maxContentBytes + 64 * 1024;

const SEARCH_MAX_LENGTH = 200;

const importSchema = z.object({
  title: z.string().max(2000).optional(),
  format: z.enum(['text', 'markdown', 'html'], { error: 'The format must be "text", "markdown" or "html".' }),
  content: z.string({ error: 'The article content is missing.' }),
  sourceUrl: z.string().max(4000).optional(),
  publisher: z.string().max(2000).optional(),
  publishedAt: z.string().max(100).optional(),
});

const archiveSchema = z.object({ archived: z.boolean({ error: '"archived" must be true or false.' }) });

/** What the article list shows of a document; `lastActivity` is when it or its claims last changed. */
export function listEntry({ id, title, sourceUrl, publisher, publishedAt, createdAt, updatedAt, archived }: DocumentRecord) {
  return { id, title, sourceUrl, publisher, publishedAt, createdAt, updatedAt, lastActivity: updatedAt, archived };
}

export interface DocumentRouteDeps extends DocumentStores {
  audit: Pick<AuditLog, 'record'>;
  /** The claims of every document counted by status and verdict (the claims index). */
  claimCounts?: () => Map<string, ClaimCounts>;
}

/** GET/POST /api/documents, GET/PATCH /api/documents/:id. */
export function documentRoutes({ audit, claimCounts, ...stores }: DocumentRouteDeps): RouteTable {
  const { documents } = stores;
  return [
    [
      'GET',
      '/api/documents',
      {
        access: 'user',
        handle({ query }) {
          const search = (query.get('q') ?? '').slice(0, SEARCH_MAX_LENGTH);
          const includeArchived = query.get('archived') === '1' || query.get('archived') === 'true';
          const counts = claimCounts?.() ?? new Map<string, ClaimCounts>();
          const found = documents.search({ query: search, includeArchived });
          return { body: { documents: found.map((record) => ({ ...listEntry(record), counts: counts.get(record.id) ?? emptyCounts() })) } };
        },
      },
    ],
    [
      'POST',
      '/api/documents',
      {
        access: 'user',
        async handle({ actor, body }) {
          if (!canImportArticles(actor)) throw new ApiError(403, 'Only a reviewer or an admin may import an article.');
          const input = parseInput(importSchema, await body(IMPORT_BODY_LIMIT_BYTES));
          const record = createDocument(stores, input);
          audit.record(actor.id, 'document.imported', {
            documentId: record.id,
            title: record.title,
            format: input.format,
            characters: input.content.length,
          });
          return { status: 201, body: listEntry(record) };
        },
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
    [
      'PATCH',
      '/api/documents/:id',
      {
        access: 'admin',
        async handle({ params, actor, body }) {
          const { archived } = parseInput(archiveSchema, await body());
          if (!documents.setArchived(params.id, archived)) throw notFound('There is no such document.');
          audit.record(actor.id, archived ? 'document.archived' : 'document.unarchived', { documentId: params.id });
          return { body: listEntry(documents.get(params.id) as DocumentRecord) };
        },
      },
    ],
  ];
}
