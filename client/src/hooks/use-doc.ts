/**
 * Hooks that read shared data from the Y.Doc (and awareness) through the shared accessors.
 * Components never hold a copy: they re-render from these snapshots when the doc changes.
 */
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Claim } from '@factdesk/shared';
import { articleSource, claimsSource, peersSource, type ArticleSnapshot, type Peer } from '../collab/index.js';

/** Every claim of the article, in reading order. */
export function useClaims(doc: Y.Doc): Claim[] {
  const source = claimsSource(doc);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

/** The article's metadata and current version. */
export function useArticle(doc: Y.Doc): ArticleSnapshot {
  const source = articleSource(doc);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

/** Everyone present on the article. */
export function usePeers(awareness: Awareness): Peer[] {
  const source = peersSource(awareness);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
