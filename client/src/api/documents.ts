/**
 * The article list as the server describes it (metadata only; the article itself and its
 * claims arrive through the document's Y.Doc).
 */
import { requestJson } from './http.js';

export interface DocumentSummary {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/** Every document the signed-in person can open. */
export async function fetchDocuments(): Promise<DocumentSummary[]> {
  const { documents } = await requestJson<{ documents: DocumentSummary[] }>('GET', '/api/documents');
  return documents;
}

/** One document's metadata. */
export async function fetchDocument(id: string): Promise<DocumentSummary> {
  const answer = await requestJson<{ document?: DocumentSummary } & Partial<DocumentSummary>>('GET', `/api/documents/${encodeURIComponent(id)}`);
  return (answer.document ?? answer) as DocumentSummary;
}
