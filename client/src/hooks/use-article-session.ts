/**
 * React glue for an open article: opens the collaboration session for the article on mount
 * (with its IndexedDB offline copy, re-applying the signed-in person's pending changes after a
 * rejection), closes it on unmount, and re-renders when its status, sync state, unsent count
 * or doc changes.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { indexedDbCopy, openArticleSession, type ArticleSession } from '../collab/index.js';
import { useSession } from '../session/index.js';

const noSubscription = () => () => {};

/**
 * The open session of article `docId` (null for the first render); its offline copy and socket
 * wait for `startAfter` when given (the first paint of the article, see ArticlePage).
 */
export function useArticleSession(docId: string, startAfter?: Promise<unknown>): ArticleSession | null {
  const [session, setSession] = useState<ArticleSession | null>(null);
  useEffect(() => {
    const opened = openArticleSession(docId, {
      localCopy: typeof indexedDB === 'undefined' ? undefined : indexedDbCopy,
      user: () => useSession.getState().user,
      startAfter,
    });
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [docId, startAfter]);
  useSyncExternalStore(session?.subscribe ?? noSubscription, () => session?.revision ?? -1);
  return session;
}
