/** The header's "Review queue" link for reviewers and admins, with how many claims wait (refreshed like the queue). */
import { useEffect } from 'react';
import { useReviewQueue } from '../hooks/use-review-queue.js';
import { useUi } from '../store/ui-store.js';
import { Link } from './Link.js';

export function ReviewQueueLink() {
  const { claims, refresh } = useReviewQueue();
  const route = useUi((s) => s.route);
  const here = route.name === 'review-queue';
  // Moving between screens (after approving a claim, say) is a good moment to count again.
  useEffect(refresh, [route, refresh]);
  const count = claims?.length;
  return (
    <Link href="/review-queue" aria-current={here ? 'page' : undefined}>
      Review queue
      {count !== undefined && (
        <>
          {' '}
          <span className="nav-count" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">, {count === 1 ? '1 claim waiting' : `${count} claims waiting`}</span>
        </>
      )}
    </Link>
  );
}
