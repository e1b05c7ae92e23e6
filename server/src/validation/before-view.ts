/**
 * The doc as it was before the transaction that is applying an update, read inside that
 * transaction: an item is new when its clock is past the client's state at the start, and it
 * was there before when it is not new and either not deleted or deleted by this transaction
 * (Yjs keeps a deleted item's content until the transaction ends). The gate that checks an
 * update after Yjs has applied it (inspect-applied.ts) reads the claims' fields this way, as
 * the rules and the server's own follow-up changes need them as they were.
 */
import * as Y from 'yjs';
import type { MapView } from '@factdesk/shared';
import { isDeadType } from './locate.js';

/** Up to this many deleted ranges of one client are looked through; more are sorted once and searched. */
const SCAN_UP_TO = 16;

export class BeforeView implements MapView {
  /** This transaction's deletions of a client that deleted many, sorted by clock (made on first use). */
  private sortedDeletes: Map<number, { clock: number; len: number }[]> | null = null;

  constructor(private readonly transaction: Y.Transaction) {}

  /** A client's clock when the transaction started. */
  stateOf(client: number): number {
    return this.transaction.beforeState.get(client) ?? 0;
  }

  /** Whether the item was made by this transaction. */
  isNew(item: Y.Item): boolean {
    return item.id.clock >= this.stateOf(item.id.client);
  }

  /** What this transaction deleted, per client. */
  deletes(): Map<number, { clock: number; len: number }[]> {
    return this.transaction.deleteSet.clients;
  }

  /** Whether this transaction deleted the item. */
  deletedNow(item: Y.Item): boolean {
    const ranges = this.transaction.deleteSet.clients.get(item.id.client);
    if (!ranges) return false;
    const clock = item.id.clock;
    // A live edit deletes a few ranges (the values it overwrites): looked through as they are.
    if (ranges.length <= SCAN_UP_TO) {
      for (const r of ranges) if (clock >= r.clock && clock < r.clock + r.len) return true;
      return false;
    }
    this.sortedDeletes ??= new Map();
    let sorted = this.sortedDeletes.get(item.id.client);
    if (!sorted) this.sortedDeletes.set(item.id.client, (sorted = [...ranges].sort((a, b) => a.clock - b.clock)));
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid];
      if (clock < r.clock) hi = mid - 1;
      else if (clock >= r.clock + r.len) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Whether the item was deleted before this transaction. */
  deletedBefore(item: Y.Item): boolean {
    return item.deleted && !this.deletedNow(item);
  }

  /** Whether the type, or a type it is in, was deleted before this transaction. */
  deadBefore(type: Y.AbstractType<unknown>): boolean {
    return isDeadType(type, this);
  }

  get(map: Y.Map<unknown>, key: string): unknown {
    const item = this.entryBefore(map, key);
    return item ? lastValue(item) : undefined;
  }

  json(type: Y.AbstractType<unknown>): unknown {
    if (type instanceof Y.Array) {
      const values: unknown[] = [];
      for (let item = type._start; item !== null; item = item.right) {
        if (!item.countable || this.isNew(item) || this.deletedBefore(item)) continue;
        for (const value of item.content.getContent()) values.push(value instanceof Y.AbstractType ? this.json(value) : value);
      }
      return values;
    }
    if (type instanceof Y.Map) {
      const json: Record<string, unknown> = {};
      for (const key of type._map.keys()) {
        const item = this.entryBefore(type, key);
        if (!item) continue;
        const value = lastValue(item);
        json[key] = value instanceof Y.AbstractType ? this.json(value) : value;
      }
      return json;
    }
    return type.toJSON();
  }

  /** The item that held `key` before this transaction: past the new ones, if it was not deleted before. */
  private entryBefore(map: Y.Map<unknown>, key: string): Y.Item | null {
    let item = map._map.get(key) ?? null;
    while (item !== null && this.isNew(item)) item = item.left;
    return item === null || this.deletedBefore(item) ? null : item;
  }
}

/** A map entry's value: the last of its content (a map item holds one). */
function lastValue(item: Y.Item): unknown {
  const values = item.content.getContent();
  return values[values.length - 1];
}
