/**
 * One immutable snapshot and the subscribers told when it is replaced: what React's
 * useSyncExternalStore reads. Shared by the doc sources (doc-sources.ts, claims-source.ts).
 */
export interface DocSource<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): T;
}

export interface SnapshotStore<T> extends DocSource<T> {
  /** Replaces the snapshot, runs `before` (with the new one in place), then tells the subscribers. */
  publish(next: T, before?: () => void): void;
}

export function snapshotStore<T>(initial: T): SnapshotStore<T> {
  const listeners = new Set<() => void>();
  let snapshot = initial;
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => snapshot,
    publish(next, before) {
      snapshot = next;
      before?.();
      for (const listener of [...listeners]) listener();
    },
  };
}
