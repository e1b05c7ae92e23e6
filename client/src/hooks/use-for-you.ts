/** The "For you" list for React, live while a component shows it. */
import { useSyncExternalStore } from 'react';
import { forYouSnapshot, subscribeForYou } from '../notifications/for-you.js';
import type { ForYouList } from '../api/notifications.js';

/** The signed-in person's notifications and unread count. */
export function useForYou(): ForYouList {
  return useSyncExternalStore(subscribeForYou, forYouSnapshot);
}
