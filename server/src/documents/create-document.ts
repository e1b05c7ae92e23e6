/**
 * Turns an imported article (text, Markdown or HTML) into a new document: its row in the
 * list and the first update of its Y.Doc (metadata and version 1), written in one
 * transaction, so an error anywhere creates nothing. The server writes the content once,
 * here; clients never seed it. Seeding, the HTTP import and the CLI all come through here.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  articleSchema,
  canonicalText,
  importArticle,
  ImportTooLargeError,
  textHash,
  writeArticleVersion,
  writeMeta,
  type ArticleJSON,
  type ImportFormat,
} from '@factdesk/shared';
import type { Db } from '../db/database.js';
import { ApiError, badRequest, conflict } from '../errors.js';
import type { UpdateLog } from '../rooms/types.js';
import { DOCUMENT_ID_PATTERN, type DocumentRecord, type DocumentRepository } from './documents.js';
import { checkDocumentMetadata, type DocumentMetadata } from './metadata.js';

export interface DocumentStores {
  db: Db;
  documents: DocumentRepository;
  log: UpdateLog;
}

export interface NewDocument extends Partial<DocumentMetadata> {
  /** Defaults to a random UUID. */
  id?: string;
  format: ImportFormat;
  content: string;
}

/**
 * Imports `content` as a new document; the title defaults to the one the import suggests.
 * Throws a 400 for unreadable input or bad metadata, a 413 past the import limit, a 409 for a taken id.
 */
export function createDocument(stores: DocumentStores, input: NewDocument, now = new Date()): DocumentRecord {
  const id = input.id ?? randomUUID();
  if (!DOCUMENT_ID_PATTERN.test(id)) throw badRequest('A document id is letters, digits, "-" and "_", up to 100 characters.');
  const imported = readArticle(input);
  const meta = checkDocumentMetadata({
    title: input.title?.trim() ? input.title : imported.title,
    sourceUrl: input.sourceUrl ?? '',
    publisher: input.publisher ?? '',
    publishedAt: input.publishedAt ?? '',
  });
  const at = now.toISOString();
  const update = firstUpdate(meta, imported.doc, at);
  const record: DocumentRecord = { id, ...meta, createdAt: at, updatedAt: at, archived: false };
  stores.db.transaction(() => {
    if (stores.documents.exists(id)) throw conflict(`There is already a document "${id}".`);
    stores.documents.insert(record);
    stores.log.append(id, update);
  })();
  return record;
}

function readArticle(input: NewDocument): { doc: ArticleJSON; title: string } {
  try {
    return importArticle({ format: input.format, content: input.content });
  } catch (error) {
    if (error instanceof ImportTooLargeError) throw new ApiError(413, error.message);
    throw badRequest(error instanceof Error ? error.message : 'The article could not be read.');
  }
}

/** The Y.Doc update that holds the metadata and version 1 of the article. */
function firstUpdate(meta: DocumentMetadata, json: ArticleJSON, at: string): Uint8Array {
  const doc = new Y.Doc();
  writeMeta(doc, meta);
  writeArticleVersion(doc, {
    version: 1,
    doc: json,
    textHash: textHash(canonicalText(articleSchema.nodeFromJSON(json))),
    createdAt: at,
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
