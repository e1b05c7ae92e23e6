/**
 * Turns a plain-text article into a new document: its row in the list, and the first
 * update of its Y.Doc (metadata and version 1 of the article), written together. The
 * server writes the content once, here; clients never seed it.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { articleSchema, canonicalText, importPlainText, textHash, writeArticleVersion, writeMeta } from '@factdesk/shared';
import type { Db } from '../db/database.js';
import { badRequest, conflict } from '../errors.js';
import type { UpdateLog } from '../rooms/types.js';
import { DOCUMENT_ID_PATTERN, type DocumentRecord, type DocumentRepository } from './documents.js';

export const TITLE_MAX_LENGTH = 500;

export interface NewArticle {
  /** Defaults to a random UUID. */
  id?: string;
  title: string;
  text: string;
  sourceUrl?: string;
  publisher?: string;
  publishedAt?: string;
}

export interface DocumentStores {
  db: Db;
  documents: DocumentRepository;
  log: UpdateLog;
}

/** The first line with text, the usual place of a plain-text article's headline. */
export function firstLine(text: string): string {
  return text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '')?.trim() ?? '';
}

/** Imports `text` as a new document; throws a 400 for an empty article, a 409 for a taken id. */
export function createDocumentFromText(stores: DocumentStores, article: NewArticle, now = new Date()): DocumentRecord {
  const id = article.id ?? randomUUID();
  if (!DOCUMENT_ID_PATTERN.test(id)) throw badRequest('A document id is letters, digits, "-" and "_", up to 100 characters.');
  const title = article.title.trim();
  if (!title) throw badRequest('The title cannot be empty.');
  if (title.length > TITLE_MAX_LENGTH) throw badRequest(`The title must be at most ${TITLE_MAX_LENGTH} characters long.`);

  let json;
  try {
    json = importPlainText(article.text);
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : 'The article could not be read.');
  }
  const at = now.toISOString();
  const meta = {
    title,
    sourceUrl: article.sourceUrl ?? '',
    publisher: article.publisher ?? '',
    publishedAt: article.publishedAt ?? '',
  };

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

  const record: DocumentRecord = { id, ...meta, createdAt: at, updatedAt: at, archived: false };
  stores.db.transaction(() => {
    if (stores.documents.exists(id)) throw conflict(`There is already a document "${id}".`);
    stores.documents.insert(record);
    stores.log.append(id, update);
  })();
  return record;
}
