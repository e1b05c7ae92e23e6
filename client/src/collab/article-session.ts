/**
 * One open article: its Y.Doc, its offline copy (optional: IndexedDB in the browser, none in
 * Node tests), the y-websocket provider that keeps it in step with the server, and the local
 * person's presence. Framework-free, so the browser app and Node tests use the same code.
 *
 * Start-up: the offline copy is loaded first and only then is the provider created, so the
 * article shows without a network and the first sync sends only what the server lacks. The
 * client never seeds content.
 *
 * Unsent changes: y-websocket has no acknowledgement, so the session counts local changes
 * made while it is not connected-and-synced; they count as sent once the provider is
 * connected and has synced after they were made (outbox.ts). The count is saved with the
 * offline copy, so it survives a reload.
 *
 * Rejection (message type 100): the refused change is in our Y.Doc, and every later update of
 * ours would depend on it — the server would refuse those too. So the session drops the doc
 * and starts again from the server's copy; once that has synced it re-applies the person's
 * other pending claim changes that the rules allow (reapply.ts), then replaces the offline
 * copy (which still holds the refused change) by one of the fresh doc. A change that comes
 * back refused a second time is dropped and reported.
 */
import * as Y from 'yjs';
import type * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { listClaims, type Actor, type Claim } from '@factdesk/shared';
import type { LocalCopy, LocalCopyFactory } from './local-copy.js';
import { outboxTracker } from './outbox.js';
import type { Presence } from './presence.js';
import { changeKey, describeChange, pendingChanges, reapplyChanges, type DroppedChange } from './reapply.js';
import { MESSAGE_REJECTED, readRejected } from '@factdesk/shared';
import { collabServerUrl } from './server-url.js';
import { decodeShortStringsFast } from './fast-strings.js';
import { applyLargeSyncsQuietly } from './quiet-first-sync.js';

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
  /** Keeps the doc offline (the browser app passes `indexedDbCopy`); none by default. */
  localCopy?: LocalCopyFactory;
  /** Who is working, to re-apply their pending changes after a rejection; without it nothing is re-applied. */
  user?: () => Actor | null;
  /**
   * The offline copy and the socket wait for this (the doc exists at once, empty): the page
   * paints the article from its first-paint payload first, since loading either applies
   * megabytes of Yjs updates on the main thread (seconds, for thousands of claims).
   */
  startAfter?: Promise<unknown>;
}

export interface ArticleSession {
  readonly docId: string;
  /** The current Y.Doc; replaced after a rejection. */
  readonly doc: Y.Doc;
  /** Null until the offline copy has loaded. */
  readonly provider: WebsocketProvider | null;
  readonly awareness: Awareness;
  readonly status: ConnectionStatus;
  /** True once the offline copy (if any) has been loaded into the current doc. */
  readonly loaded: boolean;
  /** True once the current doc has received the server's state. */
  readonly synced: boolean;
  /** Local changes not yet sent to the server. */
  readonly unsent: number;
  /** Set when the server closed the connection for good. */
  readonly closed: SessionClosed | null;
  /** Increases on every change listeners are told about (for React's useSyncExternalStore). */
  readonly revision: number;
  /** Calls `listener` on every change of status, sync, doc, unsent count or closure; returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Calls `listener` with the server's reason whenever it rejects one of our changes (or one is dropped). */
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
  decodeShortStringsFast();
  const inBrowser = typeof window !== 'undefined';
  const listeners = new Set<() => void>();
  const rejectedListeners = new Set<(reason: string) => void>();
  const closeListeners = new Set<(close: SessionClosed) => void>();
  let presence: Partial<Presence> | null = null;
  let doc!: Y.Doc;
  let awareness!: Awareness;
  let local: LocalCopy | null = null;
  let provider: WebsocketProvider | null = null;
  let status: ConnectionStatus = 'connecting';
  let loaded = false;
  let synced = false;
  let closed: SessionClosed | null = null;
  let revision = 0;
  let destroyed = false;
  let replacing = false;
  /** Claims of the dropped doc, waiting for the fresh doc's first sync to be re-applied. */
  let toReapply: Map<string, Claim> | null = null;
  let touchedBeforeRejection: string[] = [];
  /** Changes re-applied after the last rejection: refused again, they are dropped. */
  let reapplied = new Set<string>();
  /** The offline copy of a dropped doc, deleted once the fresh doc has synced. */
  let staleCopy: LocalCopy | null = null;

  const notify = () => {
    revision++;
    for (const listener of [...listeners]) listener();
  };
  const tellRejected = (reason: string) => {
    for (const listener of [...rejectedListeners]) listener(reason);
  };

  const outbox = outboxTracker((saved) => {
    local?.writeOutbox(saved);
    notify();
  });

  /** A new doc; from its offline copy unless `fromServerOnly` (after a rejection). */
  function open(fromServerOnly = false): void {
    const current = new Y.Doc();
    doc = current;
    awareness = new Awareness(current);
    if (presence) awareness.setLocalState(presence);
    status = 'connecting';
    synced = false;
    loaded = fromServerOnly || !opts.localCopy;
    outbox.watch(current, () => status === 'connected' && synced);
    if (fromServerOnly || !opts.startAfter) return load(current, fromServerOnly);
    const start = () => {
      if (doc === current && !destroyed) load(current, false);
    };
    opts.startAfter.then(start, start);
  }

  /** Fills `current` from its offline copy (unless `fromServerOnly`), then connects it. */
  function load(current: Y.Doc, fromServerOnly: boolean): void {
    local = fromServerOnly ? null : (opts.localCopy?.(docId, current) ?? null);
    if (!local) return connect(current);
    Promise.all([local.loaded, local.readOutbox()]).then(
      ([, saved]) => {
        if (doc !== current || destroyed) return;
        outbox.restore(saved);
        loaded = true;
        connect(current);
        notify();
      },
      () => {
        // No offline copy (private browsing, storage full): work online only.
        if (doc !== current || destroyed) return;
        loaded = true;
        connect(current);
        notify();
      },
    );
  }

  function connect(current: Y.Doc): void {
    const next = new WebsocketProvider(serverUrl, docId, current, {
      awareness,
      params: opts.params ?? {},
      disableBc: opts.disableBc ?? !inBrowser,
      connect: !inBrowser || navigator.onLine,
      ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill as never } : {}),
    });
    provider = next;
    applyLargeSyncsQuietly(next);
    const isCurrent = () => provider === next && !destroyed;
    (next.messageHandlers as unknown as MessageHandler[])[MESSAGE_REJECTED] = (_encoder, decoder) => {
      if (!isCurrent()) return;
      tellRejected(readReason(decoder));
      scheduleReplacement();
    };
    next.on('status', ({ status: value }) => {
      if (!isCurrent()) return;
      status = value;
      notify();
    });
    next.on('sync', (isSynced: boolean) => {
      if (!isCurrent()) return;
      synced = isSynced;
      if (isSynced && toReapply) {
        reapplyPending(current);
        void replaceCopy(current);
      }
      // Connected and synced: everything made before has been sent (y-websocket has no ack).
      if (isSynced && status === 'connected') outbox.markSent();
      notify();
    });
    next.on('connection-close', (event) => {
      // null: we closed it ourselves.
      if (!isCurrent() || !event) return;
      for (const listener of [...closeListeners]) listener({ code: event.code, reason: event.reason });
    });
    next.on('closed', (event) => {
      if (!isCurrent()) return;
      closed = { code: event.code, reason: event.reason };
      status = 'disconnected';
      notify();
    });
  }

  /** After a rejection, once the fresh doc holds the server's state: put back what the server has not refused. */
  function reapplyPending(current: Y.Doc): void {
    const before = toReapply!;
    toReapply = null;
    const user = opts.user?.();
    if (!user) return;
    const changes = pendingChanges(before, current, touchedBeforeRejection);
    const again = changes.filter((change) => reapplied.has(changeKey(change)));
    const dropped: DroppedChange[] = again.map((change) => ({ change, reason: 'the server refused it again' }));
    const retry = changes.filter((change) => !reapplied.has(changeKey(change)));
    dropped.push(...reapplyChanges(current, user, retry));
    const droppedKeys = new Set(dropped.map((d) => changeKey(d.change)));
    reapplied = new Set(retry.map(changeKey).filter((key) => !droppedKeys.has(key)));
    for (const { change, reason } of dropped) {
      tellRejected(`${describeChange(change)} (${reason})`);
    }
  }

  /**
   * After a rejection, once the fresh doc holds the server's state (and the pending changes
   * are back in it): delete the old offline copy, which still holds the refused change, and
   * start a new one from the fresh doc. Until then the old copy stays, so a reload in between
   * loses nothing (the refused change is then refused again and dropped).
   */
  async function replaceCopy(current: Y.Doc): Promise<void> {
    const old = staleCopy;
    staleCopy = null;
    if (!opts.localCopy) return;
    await old?.clear().catch(() => {});
    if (doc !== current || destroyed) return;
    local = opts.localCopy(docId, current);
    local.writeOutbox(outbox.current);
  }

  function close(): void {
    provider?.destroy();
    provider = null;
    awareness.destroy();
    local?.destroy();
    local = null;
    doc.destroy();
  }

  // Replacing inside the provider's message handler would tear the socket down under its own
  // feet; a microtask later, and once for a burst of rejections.
  function scheduleReplacement(): void {
    if (replacing) return;
    replacing = true;
    queueMicrotask(() => {
      // The old doc's claims, before it goes: the refused change is among them, and so are
      // the person's other pending changes.
      toReapply = new Map(listClaims(doc).map((claim) => [claim.id, claim]));
      touchedBeforeRejection = outbox.current.claimIds;
      staleCopy = local ?? staleCopy;
      close();
      outbox.clear();
      replacing = false;
      if (destroyed) return;
      open(true);
      notify();
    });
  }

  const onOffline = () => {
    provider?.disconnect();
  };
  const onOnline = () => {
    if (!closed) provider?.connect();
  };
  if (inBrowser) {
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
  }

  open();

  const session: ArticleSession = {
    docId,
    get doc() {
      return doc;
    },
    get provider() {
      return provider;
    },
    get awareness() {
      return awareness;
    },
    get status() {
      return status;
    },
    get loaded() {
      return loaded;
    },
    get synced() {
      return synced;
    },
    get unsent() {
      return outbox.current.count;
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
      if (!destroyed) awareness.setLocalState(presence);
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
      if (inBrowser) {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      if (!replacing) close();
      notify();
      listeners.clear();
      rejectedListeners.clear();
      closeListeners.clear();
    },
  };
  return session;
}

/** The server's reason, or a plain one if the message is cut short. */
function readReason(decoder: decoding.Decoder): string {
  try {
    return readRejected(decoder);
  } catch {
    return 'the server refused it';
  }
}
