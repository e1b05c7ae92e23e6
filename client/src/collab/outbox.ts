/**
 * The session's outbox: how many local changes the server has not had yet, and which claims
 * our own changes touched (what to re-apply after a rejection).
 *
 * y-websocket has no acknowledgement, so the rule is practical: a local change made while the
 * session is not connected-and-synced is unsent; everything counts as sent once the provider
 * is connected and has synced after it. A change made while connected and synced goes out at
 * once and is not counted. Changes applied from the server or the offline copy are not ours:
 * Yjs marks their transactions `local: false`.
 */
import type * as Y from 'yjs';
import { claimsMap } from '@factdesk/shared';
import { EMPTY_OUTBOX, type Outbox } from './local-copy.js';

export interface OutboxTracker {
  readonly current: Outbox;
  /** Watches `doc` (only the latest watched doc counts); `sending()` says whether a change made now goes out at once. */
  watch(doc: Y.Doc, sending: () => boolean): void;
  /** Adds what the offline copy saved (changes made before a reload). */
  restore(saved: Outbox): void;
  /** Everything made so far has been sent. */
  markSent(): void;
  /** Starts empty (after a rejection dropped the doc and its copy). */
  clear(): void;
}

/** An outbox that calls `onChange` whenever its count or its claims change. */
export function outboxTracker(onChange: (outbox: Outbox) => void): OutboxTracker {
  let outbox = EMPTY_OUTBOX;
  let watched: Y.Doc | null = null;

  const set = (next: Outbox) => {
    if (next.count === outbox.count && next.claimIds.length === outbox.claimIds.length) return;
    outbox = next;
    onChange(outbox);
  };

  return {
    get current() {
      return outbox;
    },
    watch(doc, sending) {
      watched = doc;
      claimsMap(doc).observeDeep((events, transaction) => {
        if (!transaction.local || watched !== doc) return;
        const ids = new Set(outbox.claimIds);
        for (const event of events) {
          if (event.path.length) ids.add(String(event.path[0]));
          else for (const key of event.changes.keys.keys()) ids.add(key);
        }
        set({ ...outbox, claimIds: [...ids] });
      });
      doc.on('afterTransaction', (transaction) => {
        if (!transaction.local || watched !== doc || transaction.changed.size === 0 || sending()) return;
        set({ ...outbox, count: outbox.count + 1 });
      });
    },
    restore(saved) {
      set({ count: outbox.count + saved.count, claimIds: [...new Set([...saved.claimIds, ...outbox.claimIds])] });
    },
    markSent() {
      set({ ...outbox, count: 0 });
    },
    clear() {
      outbox = EMPTY_OUTBOX;
    },
  };
}
