/**
 * The article list as the server describes it (metadata only; the article itself and its
 * claims arrive through the document's Y.Doc).
 */
import type { ClaimStatus, VerdictId } from '@factdesk/shared';
import { requestJson } from './http.js';

/** How many claims an article has, by status and by verdict. */
export interface ClaimCountsValue {
  byStatus: Partial<Record<ClaimStatus, number>>;
  byVerdict: Partial<Record<VerdictId, number>>;
  total: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  /** Missing in lists remembered by an older version of the app. */
  sourceUrl?: string;
  publisher: string;
  publishedAt: string;
  createdAt: string;
  updatedAt: string;
  /** When the article or its claims last changed. */
  lastActivity?: string;
  archived: boolean;
  /** The article's claims by status and verdict (from the server's claims index). */
  counts?: ClaimCountsValue;
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
