/**
 * One open article: its Y.Doc, the y-websocket provider that keeps it in step with the server,
 * and the local person's presence. Framework-free, so the browser app and Node tests use the
 * same code.
 *
 * When the server rejects one of our updates (message type 100), the rejected change is still
 * in our Y.Doc, and every later update of ours would depend on it — the server would refuse
 * those too. So the session drops the whole local doc and starts again from the server's copy:
 * destroy the provider, its awareness and the doc, create fresh ones for the same article and
 * let them re-sync. Listeners are told through `subscribe` (a new `doc`) and `onRejected`.
 */
import * as Y from 'yjs';
import type * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import type { Presence } from './presence.js';
import { messageRejected, readRejectedReason } from './rejected-message.js';
import { collabServerUrl } from './server-url.js';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/** How the server closed the socket; for good when the code is 4400–4499 (e.g. 4401 signed out). */
export interface SessionClosed {
  code: number;
  reason: string;
}

export interface ArticleSessionOptions {
  /** The WebSocket class to use outside browsers (e.g. `ws`). */
  WebSocketPolyfill?: new (url: string, protocols?: string | string[]) => unknown;
  /** Defaults to `/collab` on the page's host. */
  serverUrl?: string;
  /** Query parameters for the socket URL, e.g. `{ token }` for scripts. */
  params?: Record<string, string>;
  /** Turns off cross-tab BroadcastChannel sync (always off outside browsers). */
  disableBc?: boolean;
}

export interface ArticleSession {
  readonly docId: string;
  /** The current Y.Doc; replaced after a rejection. */
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly status: ConnectionStatus;
  /** True once the current doc has received the server's state. */
  readonly synced: boolean;
  /** Set when the server closed the connection for good. */
  readonly closed: SessionClosed | null;
  /** Increases on every change listeners are told about (for React's useSyncExternalStore). */
  readonly revision: number;
  /** Calls `listener` on every change of status, sync, doc or closure; returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Calls `listener` with the server's reason whenever it rejects one of our changes. */
  onRejected(listener: (reason: string) => void): () => void;
  /** Calls `listener` whenever the server closes the socket (e.g. 4500: your role changed, reconnecting). */
  onConnectionClose(listener: (close: SessionClosed) => void): () => void;
  /** Updates what the others see of us; kept across doc replacements. */
  setPresence(patch: Partial<Presence>): void;
  /** Resolves once the current doc is synced. */
  whenSynced(): Promise<void>;
  destroy(): void;
}

type MessageHandler = (encoder: unknown, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, type: number) => void;

/** Opens the article `docId` and keeps it in sync until `destroy()`. */
export function openArticleSession(docId: string, opts: ArticleSessionOptions = {}): ArticleSession {
  const serverUrl = opts.serverUrl ?? collabServerUrl();
  const listeners = new Set<() => void>();
  const rejectedListeners = new Set<(reason: string) => void>();
  const closeListeners = new Set<(close: SessionClosed) => void>();
  let presence: Partial<Presence> | null = null;
  let doc: Y.Doc;
  let provider: WebsocketProvider;
  let status: ConnectionStatus = 'connecting';
  let synced = false;
  let closed: SessionClosed | null = null;
  let revision = 0;
  let destroyed = false;
  let replacing = false;

  const notify = () => {
    revision++;
    for (const listener of [...listeners]) listener();
  };

  function connect(): void {
    doc = new Y.Doc();
    const current = new WebsocketProvider(serverUrl, docId, doc, {
      params: opts.params ?? {},
      disableBc: opts.disableBc ?? typeof window === 'undefined',
      ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill as never } : {}),
    });
    provider = current;
    status = 'connecting';
    synced = false;
    (current.messageHandlers as unknown as MessageHandler[])[messageRejected] = (_encoder, decoder) => {
      if (provider !== current) return;
      const reason = readRejectedReason(decoder);
      for (const listener of [...rejectedListeners]) listener(reason);
      scheduleReplacement();
    };
    current.on('status', ({ status: next }) => {
      if (provider !== current || destroyed) return;
      status = next;
      notify();
    });
    current.on('sync', (isSynced: boolean) => {
      if (provider !== current || destroyed) return;
      synced = isSynced;
      notify();
    });
    current.on('connection-close', (event) => {
      // null: we closed it ourselves.
      if (provider !== current || destroyed || !event) return;
      for (const listener of [...closeListeners]) listener({ code: event.code, reason: event.reason });
    });
    current.on('closed', (event) => {
      if (provider !== current || destroyed) return;
      closed = { code: event.code, reason: event.reason };
      status = 'disconnected';
      notify();
    });
    if (presence) current.awareness.setLocalState(presence);
  }

  function disconnect(): void {
    provider.destroy();
    provider.awareness.destroy();
    doc.destroy();
  }

  // Replacing inside the provider's message handler would tear the socket down under its own
  // feet; a microtask later, and once for a burst of rejections.
  function scheduleReplacement(): void {
    if (replacing) return;
    replacing = true;
    queueMicrotask(() => {
      replacing = false;
      if (destroyed) return;
      disconnect();
      connect();
      notify();
    });
  }

  connect();

  const session: ArticleSession = {
    docId,
    get doc() {
      return doc;
    },
    get provider() {
      return provider;
    },
    get awareness() {
      return provider.awareness;
    },
    get status() {
      return status;
    },
    get synced() {
      return synced;
    },
    get closed() {
      return closed;
    },
    get revision() {
      return revision;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRejected(listener) {
      rejectedListeners.add(listener);
      return () => rejectedListeners.delete(listener);
    },
    onConnectionClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    setPresence(patch) {
      presence = { ...presence, ...patch };
      if (!destroyed) provider.awareness.setLocalState(presence);
    },
    whenSynced() {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (synced) {
            stop();
            resolve();
          } else if (destroyed || closed) {
            stop();
            reject(new Error(closed ? `Connection closed: ${closed.code} ${closed.reason}` : 'Session destroyed'));
          }
        };
        const stop = session.subscribe(check);
        check();
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      status = 'disconnected';
      disconnect();
      notify();
      listeners.clear();
      rejectedListeners.clear();
      closeListeners.clear();
    },
  };
  return session;
}
