/**
 * A large sync message (the first sync of an article with thousands of claims is megabytes)
 * applied without Yjs encoding it again. Yjs re-encodes every transaction as an update for the
 * doc's 'update' listeners (the provider, the offline copy, a few UI sources); for the first
 * sync that doubled the cost of applying it. The bytes that arrived are that update already,
 * so the listeners are detached while it is applied and then handed those bytes (a superset
 * of the change, which applying again is harmless), origin the provider, as Yjs would.
 */
import * as decoding from 'lib0/decoding';
import { transactionChangedDoc } from '@factdesk/shared';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';

type SyncHandler = (encoder: unknown, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, type: number) => void;
type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction | null) => void;

/** y-websocket's sync message type, and y-protocols' sync step 2 and update. */
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Below this, encoding again costs less than it is worth thinking about. */
const LARGE = 64 * 1024;

/** Makes `provider` apply large sync messages as described above. */
export function applyLargeSyncsQuietly(provider: WebsocketProvider): void {
  const handlers = provider.messageHandlers as unknown as SyncHandler[];
  const original = handlers[MESSAGE_SYNC];
  handlers[MESSAGE_SYNC] = (encoder, decoder, from, emitSynced, type) => {
    const doc = from.doc;
    const observers = (doc as unknown as { _observers: Map<string, Set<UpdateListener>> })._observers;
    const listeners = observers.get('update');
    if (!listeners || decoder.arr.length - decoder.pos < LARGE) return original(encoder, decoder, from, emitSynced, type);
    const peek = decoding.clone(decoder);
    const kind = decoding.readVarUint(peek);
    if (kind !== SYNC_STEP_2 && kind !== SYNC_UPDATE) return original(encoder, decoder, from, emitSynced, type);
    const update = decoding.readVarUint8Array(peek);
    let changed = false;
    const seeChange = (transaction: Y.Transaction) => {
      changed ||= transactionChangedDoc(transaction);
    };
    observers.delete('update');
    doc.on('afterTransaction', seeChange);
    try {
      original(encoder, decoder, from, emitSynced, type);
    } finally {
      doc.off('afterTransaction', seeChange);
      // Anyone who started listening meanwhile stays.
      for (const listener of observers.get('update') ?? []) listeners.add(listener);
      observers.set('update', listeners);
    }
    if (!changed) return;
    const copy = update.slice();
    for (const listener of [...listeners]) listener(copy, from, doc, null);
  };
}
