/**
 * The claims of a doc in reading order, kept up to date claim by claim. With ten thousand
 * claims, re-reading every claim on each change took tens of milliseconds per remote edit; this
 * source re-reads only the claims a transaction touched and keeps the very same objects for the
 * others, so the placement cache, memoised components and the highlight decorations can skip
 * them by identity.
 */
import type * as Y from 'yjs';
import { claimsMap, compareReadingOrder, readClaim, readingOrderIndex, type Claim } from '@factdesk/shared';
import { snapshotStore } from './snapshot-store.js';

/** What one transaction changed: the claims as read now, and the objects they replace or that left. */
export interface ClaimsChange {
  fresh: readonly Claim[];
  gone: ReadonlySet<Claim>;
  /** Every claim after the change, in reading order (the new snapshot). */
  claims: readonly Claim[];
}

export interface ClaimsSnapshotSource {
  subscribe(onChange: () => void): () => void;
  /** Every well-formed claim, in reading order; a new array only after a change. */
  getSnapshot(): Claim[];
  /** Calls `listener` with each change, before the subscribers are told; returns unsubscribe. */
  onChange(listener: (change: ClaimsChange) => void): () => void;
}

/** Past this share of the claims changed at once, sorting them all again is cheaper than inserting. */
const RESORT_SHARE = 1 / 8;

/** What `listClaims` keeps: a claim with an id and a place in the text. */
function wellFormed(claim: Claim | null): claim is Claim {
  return !!claim && typeof claim.id === 'string' && !!claim.target?.position;
}

/** The keys (claim ids) of the claims a batch of claims-map events touched. */
function touchedKeys(events: Y.YEvent<Y.AbstractType<unknown>>[], map: object): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === map) for (const key of event.changes.keys.keys()) ids.add(key);
    else if (event.path.length) ids.add(String(event.path[0]));
  }
  return ids;
}

/** Watches `doc`'s claims from now on; see the module comment. */
export function incrementalClaimsSource(doc: Y.Doc): ClaimsSnapshotSource {
  const map = claimsMap(doc);
  const changeListeners = new Set<(change: ClaimsChange) => void>();
  // By their key in the claims map (a claim's id, unless the doc is odd).
  const byKey = new Map<string, Claim>();
  map.forEach((_value, key) => {
    const claim = readClaim(doc, key);
    if (wellFormed(claim)) byKey.set(key, claim);
  });
  const store = snapshotStore([...byKey.values()].sort(compareReadingOrder));

  map.observeDeep((events) => {
    const gone = new Set<Claim>();
    const fresh: Claim[] = [];
    for (const key of touchedKeys(events, map)) {
      const before = byKey.get(key);
      if (before) gone.add(before);
      const claim = readClaim(doc, key);
      if (wellFormed(claim)) {
        byKey.set(key, claim);
        fresh.push(claim);
      } else byKey.delete(key);
    }
    if (gone.size === 0 && fresh.length === 0) return;
    const snapshot = store.getSnapshot();
    let next: Claim[];
    if (gone.size + fresh.length > snapshot.length * RESORT_SHARE) {
      next = [...byKey.values()].sort(compareReadingOrder);
    } else {
      next = gone.size ? snapshot.filter((claim) => !gone.has(claim)) : [...snapshot];
      for (const claim of fresh) next.splice(readingOrderIndex(next, claim), 0, claim);
    }
    const change = { fresh, gone, claims: next };
    store.publish(next, () => {
      for (const listener of [...changeListeners]) listener(change);
    });
  });

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
}
