/**
 * The "For you" list of each person, in SQLite. Recording is idempotent — each event has a
 * key, unique per person — so the watcher may see a change twice (or again after a restart)
 * without notifying twice. Readers can wait for the next notification (long polling).
 */
import type { PersonRef } from '@factdesk/shared';
import type { Db } from '../db/database.js';

export type NotificationKind = 'mention' | 'review-request' | 'decision';

/** One entry of a person's "For you" list, as the API returns it. */
export interface Notification {
  id: number;
  kind: NotificationKind;
  docId: string;
  claimId: string;
  /** The article's title and the start of the claim's quote, as they were at the time. */
  documentTitle: string;
  quote: string;
  /** Who did it. */
  by: PersonRef;
  /** For a decision on your claim. */
  decision?: 'approved' | 'changes-requested';
  /** The comment, the reviewer's comment, or why a claim is back in review. */
  text: string;
  at: string;
  read: boolean;
}

export type NewNotification = Omit<Notification, 'id' | 'read'> & { userId: string; eventKey: string };

export interface NotificationStore {
  /** Records a notification unless this person already has one for the event; true when recorded. */
  add(notification: NewNotification): boolean;
  /** The newest notifications of a person, newest first. */
  list(userId: string, limit?: number): Notification[];
  unread(userId: string): number;
  /** The id of the person's newest notification (0 when none). */
  latest(userId: string): number;
  /** Marks the given notifications (all when no ids) read; returns how many changed. */
  markRead(userId: string, ids?: number[]): number;
  /** Resolves when something changes for the person, after `ms`, or when `signal` aborts. */
  waitForChange(userId: string, ms: number, signal: AbortSignal): Promise<void>;
}

interface NotificationRow {
  id: number;
  kind: NotificationKind;
  doc_id: string;
  claim_id: string;
  detail: string;
  created_at: string;
  read_at: string | null;
}

function toNotification(row: NotificationRow): Notification {
  const detail = JSON.parse(row.detail) as Pick<Notification, 'documentTitle' | 'quote' | 'by' | 'decision' | 'text'>;
  return { id: row.id, kind: row.kind, docId: row.doc_id, claimId: row.claim_id, ...detail, at: row.created_at, read: row.read_at !== null };
}

/** The notifications table and the people waiting on it. */
export function createNotificationStore(db: Db): NotificationStore {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notifications (user_id, event_key, kind, doc_id, claim_id, detail, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const newest = db.prepare('SELECT id, kind, doc_id, claim_id, detail, created_at, read_at FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?');
  const unreadCount = db.prepare('SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL').pluck();
  const latestId = db.prepare('SELECT coalesce(max(id), 0) FROM notifications WHERE user_id = ?').pluck();
  const readAll = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
  const readOne = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL');
  const waiters = new Map<string, Set<() => void>>();

  const wake = (userId: string) => {
    const set = waiters.get(userId);
    waiters.delete(userId);
    set?.forEach((resolve) => resolve());
  };

  return {
    add({ userId, eventKey, kind, docId, claimId, at, ...detail }) {
      const recorded = insert.run(userId, eventKey, kind, docId, claimId, JSON.stringify(detail), at).changes > 0;
      if (recorded) wake(userId);
      return recorded;
    },
    list: (userId, limit = 50) => (newest.all(userId, limit) as NotificationRow[]).map(toNotification),
    unread: (userId) => unreadCount.get(userId) as number,
    latest: (userId) => latestId.get(userId) as number,
    markRead(userId, ids) {
      const at = new Date().toISOString();
      const changed = ids ? db.transaction(() => ids.reduce((n, id) => n + readOne.run(at, userId, id).changes, 0))() : readAll.run(at, userId).changes;
      if (changed > 0) wake(userId);
      return changed;
    },
    waitForChange(userId, ms, signal) {
      return new Promise((resolve) => {
        let set = waiters.get(userId);
        if (!set) waiters.set(userId, (set = new Set()));
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiters.get(userId)?.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        timer.unref();
        signal.addEventListener('abort', done);
        set.add(done);
      });
    },
  };
}
