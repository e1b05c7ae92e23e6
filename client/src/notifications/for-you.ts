/**
 * The signed-in person's "For you" list, kept live by long polling: one request waits on the
 * server until there is news, then the next one starts (server/src/notifications/). While
 * nobody shows the list the loop stops; when the server cannot be reached it retries every
 * few seconds, and a 401 (signed out) stops it.
 */
import { ApiError } from '../api/http.js';
import { fetchForYou, markForYouRead, type ForYouList } from '../api/notifications.js';

const WAIT_SECONDS = 25;
const RETRY_MS = 5_000;

let list: ForYouList = { notifications: [], unread: 0, latest: 0 };
let users = 0;
let running: AbortController | null = null;
const listeners = new Set<() => void>();

function publish(next: ForYouList): void {
  list = next;
  listeners.forEach((listener) => listener());
}

async function loop(control: AbortController): Promise<void> {
  let after: number | null = null;
  while (!control.signal.aborted) {
    try {
      const next = await fetchForYou(after, WAIT_SECONDS, control.signal);
      if (control.signal.aborted) return;
      publish(next);
      after = next.latest;
    } catch (error) {
      if (control.signal.aborted || (error instanceof ApiError && error.status === 401)) return;
      after = null;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** The list as last received. */
export function forYouSnapshot(): ForYouList {
  return list;
}

/** Subscribes to changes of the list, starting the loop for the first subscriber and stopping it after the last. */
export function subscribeForYou(listener: () => void): () => void {
  listeners.add(listener);
  if (users++ === 0) {
    running = new AbortController();
    void loop(running);
  }
  return () => {
    listeners.delete(listener);
    if (--users === 0) {
      running?.abort();
      running = null;
      list = { notifications: [], unread: 0, latest: 0 };
    }
  };
}

/** Marks entries read (all when no ids); the list updates at once, and the server confirms. */
export async function markRead(ids?: number[]): Promise<void> {
  const marked = new Set(ids ?? list.notifications.map((n) => n.id));
  const notifications = list.notifications.map((n) => (marked.has(n.id) ? { ...n, read: true } : n));
  publish({ ...list, notifications, unread: notifications.filter((n) => !n.read).length });
  const unread = await markForYouRead(ids);
  publish({ ...list, unread });
}
