/**
 * The "For you" list: mentions, review requests and decisions on your claims, newest first,
 * each linking to its article with the claim in focus. Unread ones say "New" in words, not by colour alone.
 */
import { formatDateTime } from '../app/format.js';
import { routePath } from '../app/routes.js';
import type { Notification } from '../api/notifications.js';
import { Link } from './Link.js';

function headline(n: Notification): string {
  switch (n.kind) {
    case 'mention':
      return `${n.by.name} mentioned you`;
    case 'review-request':
      return n.text ? `${n.by.name}'s change sent a claim back to review` : `${n.by.name} submitted a claim for review`;
    case 'decision':
      return n.decision === 'approved' ? `${n.by.name} approved your claim` : `${n.by.name} requested changes on your claim`;
  }
}

export interface ForYouPanelProps {
  id: string;
  notifications: Notification[];
  unread: number;
  onOpen(n: Notification): void;
  onMarkAll(): void;
}

export function ForYouPanel({ id, notifications, unread, onOpen, onMarkAll }: ForYouPanelProps) {
  return (
    <section id={id} className="for-you-panel" aria-labelledby={`${id}-title`}>
      <div className="for-you-head">
        <h2 id={`${id}-title`}>For you</h2>
        {unread > 0 && (
          <button type="button" className="button-quiet" onClick={onMarkAll}>
            Mark all as read
          </button>
        )}
      </div>
      {notifications.length === 0 && <p className="empty">Nothing yet. Mentions, review requests and decisions on your claims show here.</p>}
      {notifications.length > 0 && (
        <ol className="for-you-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.read ? 'for-you-item' : 'for-you-item for-you-item--new'}>
              <p className="for-you-headline">
                {!n.read && <span className="for-you-new">New: </span>}
                <Link href={routePath({ name: 'article', id: n.docId, claim: n.claimId })} onClick={() => onOpen(n)}>
                  {headline(n)}
                </Link>
              </p>
              <p className="for-you-where">
                {n.documentTitle} · “{n.quote}” · <time dateTime={n.at}>{formatDateTime(n.at)}</time>
              </p>
              {n.text && <blockquote className="for-you-text">{n.text}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
