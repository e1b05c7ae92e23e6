/**
 * The gate for an update Yjs has just applied, run inside the transaction that applied it
 * (see docs/adr/0001): what the update writes is read from the items Yjs has just
 * integrated and the deletions it has just made, instead of from a second reading of the
 * update's bytes. The writes are the same `ClaimWrite`s the gate before applying describes
 * (inspect-update.ts; `validation.test.ts` runs every case through both). Refusing then means
 * the caller drops its doc, which holds the change (rooms/room.ts).
 */
import * as Y from 'yjs';
import { Refusal, WriteCollector, type Inspection } from './inspect-update.js';
import { contentOf, serverTypePath, type ItemPlace } from './locate.js';
import type { BeforeView } from './before-view.js';

/** Describes what the transaction did: the new structs of `client` and every deletion. */
export function inspectApplied(doc: Y.Doc, before: BeforeView, client: number): Inspection {
  const writes = new WriteCollector();
  try {
    const structs = doc.store.clients.get(client);
    const from = before.stateOf(client);
    if (structs && Y.getState(doc.store, client) > from) {
      // A garbage-collected range carries no content, but it does take up its client's clocks.
      writes.wroteUnder(client);
      for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
        const item = structs[i];
        if (!(item instanceof Y.Item)) continue;
        const place = placeOf(item, before);
        if (place && !place.parent.dead) writes.insert(place, contentOf(item), item.rightOrigin !== null);
      }
    }
    writes.insertsDone();
    // Deletions include those the update's own items cause: the value a map key had (its new
    // value is written above, so it reads as overwritten) and items landing in deleted types.
    for (const [deleted, ranges] of before.deletes()) {
      const all = doc.store.clients.get(deleted)!;
      for (const { clock, len } of ranges) {
        for (let i = Y.findIndexSS(all, clock); i < all.length && all[i].id.clock < clock + len; i++) {
          const item = all[i];
          if (!(item instanceof Y.Item)) continue;
          writes.changes = true;
          const place = placeOf(item, before);
          if (place && !place.parent.dead) writes.delete(place);
        }
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message, malformed: false };
    return { ok: false, reason: 'the change is malformed', malformed: true };
  }
  return writes.inspection();
}

/** Where an integrated item is; `dead` when its type was deleted before this transaction. */
function placeOf(item: Y.Item, before: BeforeView): ItemPlace | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return null;
  const known = serverTypePath(parent);
  return { parent: before.deadBefore(parent) ? known.dead : known.alive, key: item.parentSub };
}
