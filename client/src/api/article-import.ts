/**
 * The article list's writes and searches: importing a new article, archiving one, and
 * finding articles by title. Reading the plain list stays in `documents.ts`.
 */
import type { ImportFormat } from '@factdesk/shared';
import type { DocumentSummary } from './documents.js';
import { requestJson } from './http.js';

export interface ArticleImport {
  format: ImportFormat;
  content: string;
  title?: string;
  sourceUrl?: string;
  publisher?: string;
  publishedAt?: string;
}

/** Imports a new article; resolves to its list entry (with its new id). */
export function importArticleDocument(input: ArticleImport): Promise<DocumentSummary> {
  return requestJson<DocumentSummary>('POST', '/api/documents', input);
}

/** The documents whose title contains `query`; archived ones only when asked. */
export async function searchDocuments({ query, includeArchived }: { query: string; includeArchived: boolean }): Promise<DocumentSummary[]> {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (includeArchived) params.set('archived', '1');
  const search = params.toString();
  const { documents } = await requestJson<{ documents: DocumentSummary[] }>('GET', `/api/documents${search ? `?${search}` : ''}`);
  return documents;
}

/** Archives or restores a document (admins only). */
export function setDocumentArchived(id: string, archived: boolean): Promise<DocumentSummary> {
  return requestJson<DocumentSummary>('PATCH', `/api/documents/${encodeURIComponent(id)}`, { archived });
}
