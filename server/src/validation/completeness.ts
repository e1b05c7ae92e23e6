/**
 * Whether an update can be judged whole: applied to the server's doc, would Yjs integrate all
 * of it at once, or park some of it (pending structs, a pending delete set) to integrate later,
 * with no further check, once what it builds on arrives? Only an update that integrates whole
 * is judged and applied; any other is refused (a Skip struct: a client never needs to send
 * one) or held until the clocks it names exist (see rooms/held-updates.ts).
 */
import * as Y from 'yjs';
import type { DecodedUpdate, StructId } from './decode-update.js';

export type Completeness =
  | { complete: true }
  | { complete: false; refusal: string }
  /** Per client, the clock the server's copy must reach before the update can be judged. */
  | { complete: false; waitingFor: Map<number, number> };

const COMPLETE: Completeness = { complete: true };

/**
 * No client writes this many clocks (one per character or value written): a struct or deleted
 * range reaching past it is refused. Yjs clocks past 2^53 lose precision, and a stored log with
 * such a clock cannot be read again.
 */
export const MAX_CLOCK = 2 ** 32;
const PAST_MAX_CLOCK = 'the change names clocks past what any client writes';

/** Whether `update` (decoded) integrates whole into `doc`. O(structs + deleted ranges). */
export function completeness(doc: Y.Doc, { structs, deletes }: DecodedUpdate): Completeness {
  // What the update itself brings, per client: from its first struct to its end.
  const runs = new Map<number, { from: number; to: number }>();
  for (const s of structs) {
    if (s.kind === 'skip') return { complete: false, refusal: 'the change has a gap in it (a Skip struct); it must be sent whole' };
    if (s.id.clock + s.length > MAX_CLOCK) return { complete: false, refusal: PAST_MAX_CLOCK };
    const run = runs.get(s.id.client);
    if (run) run.to = s.id.clock + s.length;
    else runs.set(s.id.client, { from: s.id.clock, to: s.id.clock + s.length });
  }
  const waitingFor = new Map<number, number>();
  const need = (client: number, clock: number) => {
    if (clock > (waitingFor.get(client) ?? 0)) waitingFor.set(client, clock);
  };
  /** The clock up to which `client`'s structs exist once the update is applied. */
  const available = (client: number): number => {
    const state = Y.getState(doc.store, client);
    const run = runs.get(client);
    return run && run.from <= state ? Math.max(state, run.to) : state;
  };
  const requireId = (id: StructId | null) => {
    if (id && id.clock >= available(id.client)) need(id.client, id.clock + 1);
  };

  for (const [client, run] of runs) {
    if (run.from > Y.getState(doc.store, client)) need(client, run.from);
  }
  for (const s of structs) {
    if (s.kind !== 'item') continue;
    requireId(s.origin);
    requireId(s.rightOrigin);
    if (s.parent !== null && typeof s.parent === 'object') requireId(s.parent);
  }
  for (const [client, ranges] of deletes) {
    const end = available(client);
    for (const { clock, len } of ranges) {
      if (clock + len > MAX_CLOCK) return { complete: false, refusal: PAST_MAX_CLOCK };
      if (clock + len > end) need(client, clock + len);
    }
  }
  return waitingFor.size === 0 ? COMPLETE : { complete: false, waitingFor };
}

/** Whether `doc` has reached every clock in `waitingFor`. */
export function arrived(doc: Y.Doc, waitingFor: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of waitingFor) if (Y.getState(doc.store, client) < clock) return false;
  return true;
}
