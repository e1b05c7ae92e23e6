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

/** The open session of article `docId` (null for the first render). */
export function useArticleSession(docId: string): ArticleSession | null {
  const [session, setSession] = useState<ArticleSession | null>(null);
  useEffect(() => {
    const opened = openArticleSession(docId, {
      localCopy: typeof indexedDB === 'undefined' ? undefined : indexedDbCopy,
      user: () => useSession.getState().user,
    });
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [docId]);
  useSyncExternalStore(session?.subscribe ?? noSubscription, () => session?.revision ?? -1);
  return session;
}
