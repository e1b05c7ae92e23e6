/**
 * Whether the article is live and whether the person's changes have reached the server:
 * "Connected · all changes saved", "Offline · 2 changes not yet sent", "Reconnecting…".
 */
import { useEffect, useState } from 'react';
import type { ArticleSession } from '../collab/index.js';
import { useOnline } from '../hooks/use-online.js';

type SessionState = Pick<ArticleSession, 'status' | 'closed' | 'synced' | 'unsent'>;

function unsentText(unsent: number): string {
  return unsent === 1 ? '1 change not yet sent' : `${unsent} changes not yet sent`;
}

/** The words for a session's connection state and its unsent changes. */
export function connectionLabel(session: SessionState | null, { online = true, connectedBefore = false } = {}): string {
  const unsent = session?.unsent ?? 0;
  if (session?.closed || !online) return `Offline · ${unsent ? unsentText(unsent) : 'all changes saved'}`;
  if (session?.status === 'connected') return session.synced ? 'Connected · all changes saved' : 'Connected · syncing…';
  const waiting = connectedBefore ? 'Reconnecting…' : 'Connecting…';
  return unsent ? `${waiting} · ${unsentText(unsent)}` : waiting;
}

export function ConnectionStatus({ session }: { session: ArticleSession | null }) {
  const online = useOnline();
  const [connectedBefore, setConnectedBefore] = useState(false);
  const connected = session?.status === 'connected';
  useEffect(() => {
    if (connected) setConnectedBefore(true);
  }, [connected]);
  const label = connectionLabel(session, { online, connectedBefore });
  const tone = label.startsWith('Connected · all') ? 'ok' : label.startsWith('Offline') ? 'off' : 'wait';
  return (
    <p className={`connection connection--${tone}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
