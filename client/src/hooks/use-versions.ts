/**
 * The versions of the article in the Y.Doc, for the version switcher. Server-written; they
 * arrive in ordinary updates, so a new snapshot is made only when the list changed.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listArticleVersions, type ArticleVersion } from '@factdesk/shared';

const snapshots = new WeakMap<Y.Doc, ArticleVersion[]>();

function snapshot(doc: Y.Doc): ArticleVersion[] {
  const fresh = listArticleVersions(doc);
  const cached = snapshots.get(doc);
  if (cached && cached.length === fresh.length && cached.every((v, i) => v === fresh[i])) return cached;
  snapshots.set(doc, fresh);
  return fresh;
}

/** Every stored version of the article, oldest first. */
export function useVersions(doc: Y.Doc): ArticleVersion[] {
  const subscribe = useCallback(
    (changed: () => void) => {
      doc.on('update', changed);
      return () => doc.off('update', changed);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => snapshot(doc));
}
