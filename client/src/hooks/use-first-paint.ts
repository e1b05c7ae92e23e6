/**
 * Which article the page draws: its first-paint payload (api/first-paint-payload.ts) until the
 * session's Y.Doc has what the server has — its first sync — and the doc from then on, for
 * good (a later disconnection does not bring the payload back). Offline, the doc's offline
 * copy takes over once loaded: there is no sync to wait for, and the person may work on it.
 */
import { useState } from 'react';
import type { FirstPaintArticle } from '../api/first-paint-payload.js';
import type { ArticleSession } from '../collab/index.js';

/** `payload` while it is what the page shows, else null; `hasText`: the doc holds the article's current version. */
export function useFirstPaint(session: ArticleSession, payload: FirstPaintArticle | null, hasText: boolean): FirstPaintArticle | null {
  const [over, setOver] = useState(!payload);
  const offlineCopy = hasText && session.loaded && session.status === 'disconnected';
  const done = over || !payload || session.synced || offlineCopy;
  if (done && !over) setOver(true);
  return done ? null : payload;
}
