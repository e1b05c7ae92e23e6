/**
 * The review queue: every claim waiting for a reviewer across the articles still being worked
 * on, the longest waiting first. Read from the claims index, never by opening rooms.
 */
import { roleAtLeast } from '@factdesk/shared';
import type { ClaimsIndex } from '../claims-index/index.js';
import { ApiError } from '../errors.js';
import type { RouteTable } from './api.js';

/** The app's address of one claim: its article, opened with that claim in focus. */
export function claimLink(documentId: string, claimId: string): string {
  return `/articles/${encodeURIComponent(documentId)}?claim=${encodeURIComponent(claimId)}`;
}

/** GET /api/review-queue, for reviewers and admins. */
export function reviewQueueRoutes({ index }: { index: Pick<ClaimsIndex, 'reviewQueue'> }): RouteTable {
  return [
    [
      'GET',
      '/api/review-queue',
      {
        access: 'user',
        handle({ actor }) {
          if (!roleAtLeast(actor.role, 'reviewer')) throw new ApiError(403, 'Only reviewers and admins see the review queue.');
          const claims = index.reviewQueue().map((c) => ({
            documentId: c.docId,
            documentTitle: c.documentTitle,
            claimId: c.claimId,
            status: c.status,
            verdict: c.verdict,
            author: { id: c.authorId, name: c.authorName },
            quote: c.quote,
            sourceDomains: c.sourceDomains,
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
            submittedAt: c.submittedAt,
            link: claimLink(c.docId, c.claimId),
          }));
          return { body: { claims } };
        },
      },
    ],
  ];
}
