/** The "For you" list over HTTP: read it (optionally waiting for news), mark entries read. */
import type { PersonRef } from '@factdesk/shared';
import { ApiError, requestJson, responseError } from './http.js';

/** One entry of the person's "For you" list (server/src/notifications/notification-store.ts). */
export interface Notification {
  id: number;
  kind: 'mention' | 'review-request' | 'decision';
  docId: string;
  claimId: string;
  documentTitle: string;
  quote: string;
  by: PersonRef;
  decision?: 'approved' | 'changes-requested';
  text: string;
  at: string;
  read: boolean;
}

export interface ForYouList {
  notifications: Notification[];
  unread: number;
  /** The newest id; pass it as `after` to wait for the next one. */
  latest: number;
}

/**
 * The list; with `after`, the server holds the request (up to `waitSeconds`) until something
 * newer than `after` arrives or an entry is marked read.
 */
export async function fetchForYou(after: number | null, waitSeconds: number, signal?: AbortSignal): Promise<ForYouList> {
  const query = after === null ? '' : `?after=${after}&wait=${waitSeconds}`;
  let response: Response;
  try {
    response = await fetch(`/api/notifications${query}`, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The server cannot be reached.', 0);
  }
  if (!response.ok) throw await responseError(response);
  return (await response.json()) as ForYouList;
}

/** Marks the given entries (all when none are given) read; returns the unread count. */
export async function markForYouRead(ids?: number[]): Promise<number> {
  return (await requestJson<{ unread: number }>('POST', '/api/notifications/read', ids ? { ids } : {})).unread;
}
