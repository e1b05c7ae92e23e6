/**
 * /review-queue — every claim waiting for a reviewer, across the articles still being worked
 * on, the longest waiting first. Each row links to the claim on its article, opened in focus.
 */
import { useEffect } from 'react';
import { routePath } from '../app/routes.js';
import { Link } from '../components/Link.js';
import { VerdictLabel } from '../components/VerdictLabel.js';
import { useReviewQueue } from '../hooks/use-review-queue.js';

export function ReviewQueuePage() {
  const { claims, error, refresh } = useReviewQueue();

  useEffect(() => {
    document.title = 'Review queue — Factdesk';
  }, []);

  return (
    <main id="main" tabIndex={-1} className="page review-queue">
      <h1>Review queue</h1>
      <p className="hint">Claims waiting for a reviewer, the longest waiting first. The list refreshes itself.</p>
      {error && (
        <p className="form-error" role="alert">
          The review queue could not be loaded: {error}{' '}
          <button type="button" onClick={refresh}>
            Try again
          </button>
        </p>
      )}
      {!claims && !error && <p>Loading…</p>}
      {claims && (
        <p role="status" className="review-queue-count">
          {claims.length === 0 ? 'No claims are waiting for review.' : `${claims.length} ${claims.length === 1 ? 'claim is' : 'claims are'} waiting for review.`}
        </p>
      )}
      {claims && claims.length > 0 && (
        <table className="review-queue-table">
          <caption className="visually-hidden">Claims in review, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Article</th>
              <th scope="col">Verdict</th>
              <th scope="col">Author</th>
              <th scope="col">Waiting since</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={`${c.documentId}/${c.claimId}`}>
                <td>
                  <Link href={routePath({ name: 'article', id: c.documentId, claim: c.claimId })} className="review-queue-claim">
                    “{c.quote}”
                  </Link>
                </td>
                <td>{c.documentTitle || 'Untitled article'}</td>
                <td>
                  <VerdictLabel id={c.verdict} />
                </td>
                <td>{c.author.name || 'unknown'}</td>
                <td>
                  <time dateTime={c.submittedAt ?? c.updatedAt}>{formatWhen(c.submittedAt ?? c.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/** "25 Nov 2026, 13:40" in the reader's locale: the queue is about hours, not days. */
function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
