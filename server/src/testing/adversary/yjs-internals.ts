/**
 * What the adversary reads of a Y.Doc beyond its public API, in one place: the item ids it
 * must name to write into an existing map key or under an existing type (`_item`, `_map`,
 * `_start`, typed fields of yjs 13.6). The encoder round-trip test in adversarial.test.ts
 * fails if an upgrade changes them.
 */
import * as Y from 'yjs';
import type { StructId } from './update-encoder.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every Y type, whatever its event type
export type AnyType = Y.AbstractType<any>;

/** The id of the item that created `type` (null for a root type). */
export function typeId(type: AnyType): StructId | null {
  const item = type._item;
  return item ? { client: item.id.client, clock: item.id.clock } : null;
}

/** The last id of the item currently holding `key` in `map` (what a new write names as its origin). */
export function mapKeyOrigin(map: AnyType, key: string): StructId | null {
  const item = map._map.get(key);
  return item ? { client: item.id.client, clock: item.id.clock + item.length - 1 } : null;
}

/** The last id of the last item of a list type (appending names it as its origin). */
export function listEndOrigin(list: AnyType): StructId | null {
  let item = list._start;
  let last: Y.Item | null = null;
  while (item) {
    last = item;
    item = item.right;
  }
  return last ? { client: last.id.client, clock: last.id.clock + last.length - 1 } : null;
}

/** Whether a type holds list content (items without a key), visible or not to `toJSON` of a map. */
export function hasListContent(type: AnyType): boolean {
  for (let item = type._start; item; item = item.right) if (!item.deleted) return true;
  return false;
}

/** Everything a type holds, map keys and list items alike, as JSON: a root's fingerprint. */
export function typeFingerprint(type: AnyType): string {
  const keys: Record<string, unknown> = {};
  for (const [key, item] of [...type._map.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!item.deleted) keys[key] = contentJson(item.content.getContent());
  }
  const list: unknown[] = [];
  for (let item = type._start; item; item = item.right) if (!item.deleted) list.push(...contentJson(item.content.getContent()));
  return JSON.stringify({ keys, list });
}

function contentJson(values: unknown[]): unknown[] {
  return values.map((v) => (v instanceof Y.AbstractType ? { type: v.constructor.name, json: typeFingerprint(v) } : v));
}

/** The claim key a changed type belongs to: the key under `annotations` it sits in, or null (the root itself or another root). */
export function claimKeyOf(type: AnyType, annotations: AnyType): string | null {
  let t: AnyType | null = type;
  while (t && t._item) {
    const parent = t._item.parent as AnyType;
    if (parent === annotations) return t._item.parentSub;
    t = parent;
  }
  return null;
}

/** The root a type hangs from: its name in the doc. */
export function rootNameOf(doc: Y.Doc, type: AnyType): string {
  let t = type;
  while (t._item) t = t._item.parent as AnyType;
  return Y.findRootTypeKey(t);
}

/** Whether the doc holds structs or deletes it cannot integrate yet. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** The clock range of the item holding `key` in a map type, or null. */
export function mapKeyRange(map: AnyType, key: string): { client: number; clock: number; length: number } | null {
  const item = map._map.get(key);
  return item ? { client: item.id.client, clock: item.id.clock, length: item.length } : null;
}

/** The clock range of the first item of a list type, or null. */
export function firstListRange(list: AnyType): { client: number; clock: number; length: number } | null {
  const item = list._start;
  return item ? { client: item.id.client, clock: item.id.clock, length: item.length } : null;
}
