/** Whether the article is live: connected, (re)connecting, or offline for good. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ArticleSession } from '../collab/index.js';

type SessionState = Pick<ArticleSession, 'status' | 'closed'>;

/** The words for a session's connection state. */
export function connectionLabel(session: SessionState | null, { online = true, connectedBefore = false } = {}): string {
  if (session?.closed || !online) return 'Offline';
  if (session?.status === 'connected') return 'Connected';
  return connectedBefore ? 'Reconnecting…' : 'Connecting…';
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function ConnectionStatus({ session }: { session: ArticleSession | null }) {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const [connectedBefore, setConnectedBefore] = useState(false);
  const connected = session?.status === 'connected';
  useEffect(() => {
    if (connected) setConnectedBefore(true);
  }, [connected]);
  const label = connectionLabel(session, { online, connectedBefore });
  const tone = label === 'Connected' ? 'ok' : label === 'Offline' ? 'off' : 'wait';
  return (
    <p className={`connection connection--${tone}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
