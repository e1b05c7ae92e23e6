/**
 * The article's offline copy: each Y.Doc is kept in IndexedDB (y-indexeddb), so the article
 * opens with the network gone and local changes survive a reload until they are sent. The
 * session only sees the small `LocalCopy` interface, so Node tests (no IndexedDB) run it
 * without one and tests can pass their own.
 */
import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { LOCAL_COPY_PREFIX } from './local-copy-names.js';

/** What the session remembers next to the doc: changes made here that the server has not had yet. */
export interface Outbox {
  /** How many local changes are not yet sent. */
  count: number;
  /** The claims those (and any not yet confirmed) changes touched; used after a rejection. */
  claimIds: string[];
}

export const EMPTY_OUTBOX: Outbox = { count: 0, claimIds: [] };

/** A saved copy of one article's Y.Doc. */
export interface LocalCopy {
  /** Resolves once the saved copy has been applied to the doc. */
  readonly loaded: Promise<void>;
  /** The outbox saved with the copy. */
  readOutbox(): Promise<Outbox>;
  writeOutbox(outbox: Outbox): void;
  /** Stops saving and deletes the saved copy (the server refused one of its changes). */
  clear(): Promise<void>;
  /** Stops saving; the saved copy stays. */
  destroy(): void;
}

/** Opens a saved copy of `docId` for `doc`; the session calls it once per Y.Doc. */
export type LocalCopyFactory = (docId: string, doc: Y.Doc) => LocalCopy;

const OUTBOX_KEY = 'outbox';

/** The IndexedDB copy the browser app uses: one database per article, `factdesk:<docId>`. */
export const indexedDbCopy: LocalCopyFactory = (docId, doc) => {
  const persistence = new IndexeddbPersistence(LOCAL_COPY_PREFIX + docId, doc);
  return {
    loaded: persistence.whenSynced.then(() => undefined),
    async readOutbox() {
      try {
        const saved = JSON.parse(String((await persistence.get(OUTBOX_KEY)) ?? 'null')) as Partial<Outbox> | null;
        return {
          count: Number.isInteger(saved?.count) && saved!.count! > 0 ? saved!.count! : 0,
          claimIds: Array.isArray(saved?.claimIds) ? saved!.claimIds!.filter((id) => typeof id === 'string') : [],
        };
      } catch {
        return EMPTY_OUTBOX;
      }
    },
    writeOutbox(outbox) {
      persistence.set(OUTBOX_KEY, JSON.stringify(outbox)).catch(() => {});
    },
    async clear() {
      await persistence.clearData();
    },
    destroy() {
      void persistence.destroy();
    },
  };
};
