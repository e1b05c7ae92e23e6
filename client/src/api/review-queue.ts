/**
 * The review queue as the server lists it: every claim waiting for a reviewer across the
 * articles still being worked on, the longest waiting first (from the server's claims index).
 */
import type { ClaimStatus, VerdictId } from '@factdesk/shared';
import { requestJson } from './http.js';

export interface QueuedClaim {
  documentId: string;
  documentTitle: string;
  claimId: string;
  status: ClaimStatus;
  verdict: VerdictId;
  author: { id: string; name: string };
  quote: string;
  sourceDomains: string[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  link: string;
}

/** The claims in review (reviewers and admins; others get a 403 ApiError). */
export async function fetchReviewQueue(): Promise<QueuedClaim[]> {
  const { claims } = await requestJson<{ claims: QueuedClaim[] }>('GET', '/api/review-queue');
  return claims;
}
