/**
 * The "For you" API. Live by long polling: `GET /api/notifications?after=<id>&wait=<s>`
 * answers at once when the person has a notification newer than `after`, and otherwise holds
 * the request until one arrives, one is marked read, or `wait` seconds (at most 25) pass.
 * Plain JSON requests that any proxy passes, with no socket of their own to manage.
 */
import { z } from 'zod';
import { parseInput, type RouteTable } from '../http/api.js';
import type { NotificationStore } from './notification-store.js';

const MAX_WAIT_S = 25;
const readSchema = z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }).strict();

function nonNegative(value: string | null): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** GET /api/notifications, POST /api/notifications/read. */
export function notificationRoutes({ notifications }: { notifications: NotificationStore }): RouteTable {
  return [
    [
      'GET',
      '/api/notifications',
      {
        access: 'user',
        async handle({ actor, query, req }) {
          const after = nonNegative(query.get('after'));
          const wait = Math.min(nonNegative(query.get('wait')), MAX_WAIT_S);
          if (wait > 0 && notifications.latest(actor.id) <= after) {
            const gone = new AbortController();
            const onClose = () => gone.abort();
            req.socket.once('close', onClose);
            await notifications.waitForChange(actor.id, wait * 1000, gone.signal);
            req.socket.off('close', onClose);
          }
          return {
            body: { notifications: notifications.list(actor.id), unread: notifications.unread(actor.id), latest: notifications.latest(actor.id) },
          };
        },
      },
    ],
    [
      'POST',
      '/api/notifications/read',
      {
        access: 'user',
        async handle({ actor, body }) {
          const { ids } = parseInput(readSchema, await body());
          notifications.markRead(actor.id, ids);
          return { body: { unread: notifications.unread(actor.id) } };
        },
      },
    ],
  ];
}
