/**
 * React glue for an open article: opens the collaboration session for the article on mount,
 * closes it on unmount, and re-renders when its status, sync state or doc changes.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { openArticleSession, type ArticleSession } from '../collab/index.js';

const noSubscription = () => () => {};

/** The open session of article `docId` (null for the first render). */
export function useArticleSession(docId: string): ArticleSession | null {
  const [session, setSession] = useState<ArticleSession | null>(null);
  useEffect(() => {
    const opened = openArticleSession(docId);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [docId]);
  useSyncExternalStore(session?.subscribe ?? noSubscription, () => session?.revision ?? -1);
  return session;
}
