/**
 * An offline copy kept in memory, for tests that run where there is no IndexedDB (Node): it
 * behaves like the IndexedDB one — saves every update, applies the saved ones on load (not as
 * local changes), keeps the outbox, and can be cleared — so the session's use of it is tested.
 */
import * as Y from 'yjs';
import { EMPTY_OUTBOX, type LocalCopyFactory, type Outbox } from '../collab/local-copy.js';

export interface MemoryCopies {
  /** Pass as `localCopy` to `openArticleSession`. */
  factory: LocalCopyFactory;
  /** The saved state of `docId` as a doc (empty when nothing or cleared). */
  saved(docId: string): Y.Doc;
  /** How many times a copy was cleared. */
  readonly clears: number;
}

/** Offline copies for any number of articles, in memory. */
export function memoryCopies(): MemoryCopies {
  const stores = new Map<string, { updates: Uint8Array[]; outbox: Outbox }>();
  let clears = 0;
  const store = (docId: string) => {
    let entry = stores.get(docId);
    if (!entry) stores.set(docId, (entry = { updates: [], outbox: EMPTY_OUTBOX }));
    return entry;
  };
  const factory: LocalCopyFactory = (docId, doc) => {
    const entry = store(docId);
    let active = true;
    const save = (update: Uint8Array, origin: unknown) => {
      if (active && origin !== factory) entry.updates.push(update);
    };
    doc.on('update', save);
    return {
      // Asynchronous like IndexedDB, so the session really has to wait for it.
      loaded: new Promise<void>((resolve) =>
        setTimeout(() => {
          if (!active) return resolve();
          // Like y-indexeddb: what the doc already holds is saved, then the saved state applied.
          entry.updates.push(Y.encodeStateAsUpdate(doc));
          Y.applyUpdate(doc, Y.mergeUpdates(entry.updates), factory);
          resolve();
        }, 10),
      ),
      readOutbox: async () => entry.outbox,
      writeOutbox(outbox) {
        if (active) entry.outbox = outbox;
      },
      async clear() {
        active = false;
        doc.off('update', save);
        stores.delete(docId);
        clears++;
      },
      destroy() {
        active = false;
        doc.off('update', save);
      },
    };
  };
  return {
    factory,
    saved(docId) {
      const doc = new Y.Doc();
      const entry = stores.get(docId);
      if (entry?.updates.length) Y.applyUpdate(doc, Y.mergeUpdates(entry.updates));
      return doc;
    },
    get clears() {
      return clears;
    },
  };
}
