/**
 * What the article page does with the collaboration session's events: tells the person when
 * the server refused a change, sends them to sign-in when the server ended their session, and
 * keeps their presence (who, what is selected, which claim is being edited) up to date.
 */
import { useEffect } from 'react';
import type { Actor } from '@factdesk/shared';
import { navigate } from '../app/router.js';
import { colourFor, type ArticleSession } from '../collab/index.js';
import { useSession } from '../session/index.js';
import { showToast, type TextRange } from '../store/ui-store.js';

/** Close code for "signed out or deactivated" (the 4400–4499 range means: do not reconnect). */
const SIGNED_OUT = 4401;
/** Close code for "your role or name changed": the provider reconnects; we re-read who we are. */
const IDENTITY_CHANGED = 4500;

export function useSessionEvents(session: ArticleSession, user: Actor, selection: TextRange | null, editing: string | null): void {
  useEffect(() => session.onRejected((reason) => showToast(`Your change was not saved: ${reason}`, 'error')), [session]);
  useEffect(
    () =>
      session.onConnectionClose(({ code }) => {
        if (code === IDENTITY_CHANGED) void useSession.getState().load();
      }),
    [session],
  );

  const closed = session.closed;
  useEffect(() => {
    if (!closed) return;
    if (closed.code === SIGNED_OUT) {
      useSession.getState().sessionEnded();
      showToast('You have been signed out. Sign in again to continue.', 'error');
      navigate('/signin');
    } else {
      showToast(`The server closed this article${closed.reason ? `: ${closed.reason}` : '.'}`, 'error');
    }
  }, [closed]);

  useEffect(() => {
    session.setPresence({ user: { id: user.id, name: user.name, color: colourFor(user.id) }, selection, editing });
  }, [session, user, selection, editing]);
}
