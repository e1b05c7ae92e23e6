/**
 * Subscribable views of a Y.Doc for UI frameworks: each keeps one immutable snapshot and
 * replaces it only when the doc changes, which is what React's useSyncExternalStore needs.
 * The reading itself is done by the shared accessors; this module only caches. A source
 * watches its doc from creation on, so a snapshot taken before anyone subscribed stays true.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { readArticleVersion, readMeta, type ArticleMeta, type ArticleVersion } from '@factdesk/shared';
import { incrementalClaimsSource, type ClaimsSnapshotSource } from './claims-source.js';
import { readPeers, type Peer } from './presence.js';
import { snapshotStore, type DocSource } from './snapshot-store.js';

export type { DocSource } from './snapshot-store.js';

function cachedSource<T>(read: () => T, watch: (changed: () => void) => void, same: (a: T, b: T) => boolean = Object.is): DocSource<T> {
  const store = snapshotStore(read());
  watch(() => {
    const next = read();
    if (!same(next, store.getSnapshot())) store.publish(next);
  });
  return { subscribe: store.subscribe, getSnapshot: store.getSnapshot };
}

function memoPerDoc<T>(make: (doc: Y.Doc) => T): (doc: Y.Doc) => T {
  const cache = new WeakMap<Y.Doc, T>();
  return (doc) => {
    let value = cache.get(doc);
    if (value === undefined) cache.set(doc, (value = make(doc)));
    return value;
  };
}

/** The claims of the doc in reading order, one snapshot per change; unchanged claims keep their objects (claims-source.ts). */
export const claimsSource: (doc: Y.Doc) => ClaimsSnapshotSource = memoPerDoc(incrementalClaimsSource);

export interface ArticleSnapshot {
  meta: ArticleMeta;
  /** The current version of the article; null until the doc holds one. */
  version: ArticleVersion | null;
}

/** The article's metadata and current version; a new snapshot only when they change. */
export const articleSource: (doc: Y.Doc) => DocSource<ArticleSnapshot> = memoPerDoc((doc) =>
  cachedSource<ArticleSnapshot>(
    () => ({ meta: readMeta(doc), version: readArticleVersion(doc) }),
    // The article and its metadata are server-written and arrive in ordinary updates.
    (changed) => doc.on('update', changed),
    (a, b) => a.version === b.version && JSON.stringify(a.meta) === JSON.stringify(b.meta),
  ),
);

const peerSources = new WeakMap<Awareness, DocSource<Peer[]>>();

/** Everyone present on the article (from awareness), one snapshot per change. */
export function peersSource(awareness: Awareness): DocSource<Peer[]> {
  let source = peerSources.get(awareness);
  if (!source) {
    source = cachedSource(
      () => readPeers(awareness),
      // 'change' (not 'update'): the 15-second keep-alive renews states without changing them.
      (changed) => awareness.on('change', changed),
      () => false,
    );
    peerSources.set(awareness, source);
  }
  return source;
}
