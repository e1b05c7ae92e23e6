/**
 * Warns before the tab is closed (or reloaded) while there are changes the server has not
 * had and cannot get now. They are kept in the offline copy, but a person on a borrowed
 * computer or leaving for good should know they are not on the server yet.
 */
import { useEffect } from 'react';
import type { ArticleSession } from '../collab/index.js';

/** True when `session` holds changes that cannot be sent right now. */
export function hasStrandedChanges(session: Pick<ArticleSession, 'unsent' | 'status' | 'synced'>): boolean {
  return session.unsent > 0 && !(session.status === 'connected' && session.synced);
}

export function useUnsentWarning(session: ArticleSession): void {
  const stranded = hasStrandedChanges(session);
  useEffect(() => {
    if (!stranded) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [stranded]);
}
