/**
 * A real y-websocket client for Node tests, as a script or bot would run one: `ws` as the
 * WebSocket, the bearer token as `?token=`. Like the app, it drops its doc and re-syncs when
 * the server refuses one of its changes, so it stays in step afterwards.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { MESSAGE_REJECTED, readRejected } from '../rooms/index.js';

type Handler = (encoder: unknown, decoder: decoding.Decoder) => void;

export interface CollabClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Every reason the server gave for refusing a change of ours. */
  readonly rejections: string[];
  /** Close events (code) the server sent. */
  readonly closes: number[];
  synced(): Promise<void>;
  /** Resolves when `predicate(doc)` holds (checked on every doc change), or rejects after `ms`. */
  until(predicate: (doc: Y.Doc) => boolean, ms?: number): Promise<void>;
  destroy(): void;
}

/** Connects to `/collab/<docId>` of the server at `httpUrl` with a bearer token. */
export function connectCollab(httpUrl: string, docId: string, token: string): CollabClient {
  const serverUrl = httpUrl.replace(/^http/, 'ws') + '/collab';
  const rejections: string[] = [];
  const closes: number[] = [];
  const watchers = new Set<() => void>();
  let doc!: Y.Doc;
  let provider!: WebsocketProvider;

  const connect = () => {
    doc = new Y.Doc();
    doc.on('update', () => watchers.forEach((w) => w()));
    const current = new WebsocketProvider(serverUrl, docId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
    });
    provider = current;
    current.on('connection-close', (event) => event && closes.push(event.code));
    (current.messageHandlers as unknown as Handler[])[MESSAGE_REJECTED] = (_encoder, decoder) => {
      rejections.push(readRejected(decoder));
      setTimeout(() => {
        if (provider !== current) return;
        current.destroy();
        current.awareness.destroy();
        connect();
        watchers.forEach((w) => w());
      }, 0);
    };
  };
  connect();

  const client: CollabClient = {
    get doc() {
      return doc;
    },
    get provider() {
      return provider;
    },
    rejections,
    closes,
    synced() {
      return client.until(() => provider.synced);
    },
    until(predicate, ms = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(doc)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error('timed out waiting for the doc'));
        }, ms);
        const poll = setInterval(check, 20);
        const cleanup = () => {
          clearTimeout(timer);
          clearInterval(poll);
          watchers.delete(check);
        };
        watchers.add(check);
        check();
      });
    },
    destroy() {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
  return client;
}
