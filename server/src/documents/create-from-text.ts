/**
 * The plain-text way in, kept for the seeds: a text article with its title given. It is
 * `createDocument` with the format fixed to text.
 */
import { badRequest } from '../errors.js';
import { createDocument, type DocumentStores } from './create-document.js';
import type { DocumentRecord } from './documents.js';

export type { DocumentStores } from './create-document.js';

export interface NewArticle {
  /** Defaults to a random UUID. */
  id?: string;
  title: string;
  text: string;
  sourceUrl?: string;
  publisher?: string;
  publishedAt?: string;
}

/** The first line with text, the usual place of a plain-text article's headline. */
export function firstLine(text: string): string {
  return text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '')?.trim() ?? '';
}

/** Imports `text` as a new document; throws a 400 for an empty article, a 409 for a taken id. */
export function createDocumentFromText(stores: DocumentStores, article: NewArticle, now = new Date()): DocumentRecord {
  const { text, title, ...rest } = article;
  if (!title.trim()) throw badRequest('The title cannot be empty.');
  return createDocument(stores, { ...rest, title, format: 'text', content: text }, now);
}
