/**
 * Where in the document an item of an incoming Yjs update lands. Yjs updates carry no
 * paths: an item names its parent by an ID (or a root name), or only by its left/right
 * neighbour. We resolve each one against the server's copy of the doc and the update itself
 * to a path from a root type — `['annotations', claimId, 'history']` — which the permission
 * rules can read.
 */
import * as Y from 'yjs';
import type { DecodedContent, DecodedItem, DecodedStruct, StructId } from './decode-update.js';

/** Where a type lives: the root name and the keys down to it ('#' for an array slot). */
export interface TypePath {
  root: string;
  keys: string[];
  /** True when the type (or an ancestor) is deleted on the server: writes there are invisible. */
  dead: boolean;
}

/** Where an item lands: inside the type at `parent`, under `key` (null for an array slot). */
export interface ItemPlace {
  parent: TypePath;
  key: string | null;
}

export class UnknownItemError extends Error {}

/** A struct of the server's doc (Yjs classes) or of the incoming update (plain objects). */
export type Struct = Y.Item | Y.GC | DecodedStruct;
/** An item, integrated on the server or only in the incoming update. */
export type AnyItem = Y.Item | DecodedItem;

/** True for items (not garbage-collected or skipped ranges). */
export function isItem(s: Struct): s is AnyItem {
  return s instanceof Y.Item || (!(s instanceof Y.GC) && s.kind === 'item');
}

/** What the rules need of an item's content, whichever side it comes from. */
export function contentOf(item: AnyItem): DecodedContent {
  if (!(item instanceof Y.Item)) return item.content;
  const c = item.content;
  if (c instanceof Y.ContentAny) return { kind: 'any', values: c.arr };
  if (c instanceof Y.ContentType) return { kind: 'type', typeRef: c.type instanceof Y.Map ? 1 : c.type instanceof Y.Array ? 0 : -1 };
  if (c instanceof Y.ContentDeleted) return { kind: 'deleted' };
  return { kind: 'other' };
}

/** Deleted on the server (items of the update are not, yet). */
export function isDeleted(item: AnyItem): boolean {
  return item instanceof Y.Item && item.deleted;
}

/** Finds structs of the incoming update by ID. */
class UpdateIndex {
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: Struct[]) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client) ?? [];
      list.push(s);
      this.byClient.set(s.id.client, list);
    }
  }

  find(id: StructId): Struct | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }
}

/** Resolves places of update items and server items, memoised per struct. */
export class Locator {
  private readonly update: UpdateIndex;
  private readonly places = new Map<AnyItem, ItemPlace | null>();
  private readonly typePaths = new Map<AnyItem, TypePath | null>();

  constructor(
    private readonly doc: Y.Doc,
    structs: Struct[],
  ) {
    this.update = new UpdateIndex(structs);
  }

  /** The server's struct holding this ID, if the server has it. */
  serverStruct(id: StructId): Y.Item | Y.GC | null {
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || structs.length === 0) return null;
    const last = structs[structs.length - 1];
    if (id.clock >= last.id.clock + last.length) return null;
    return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
  }

  /** The struct with this ID, on the server or in the update; throws when neither has it. */
  struct(id: StructId): Struct {
    const found = this.serverStruct(id) ?? this.update.find(id);
    if (!found) throw new UnknownItemError(`the change refers to data the server does not have (${id.client}:${id.clock})`);
    return found;
  }

  /** Where an item lands; null when it lands in garbage-collected (long deleted) content. */
  place(item: AnyItem): ItemPlace | null {
    if (this.places.has(item)) return this.places.get(item) ?? null;
    this.places.set(item, null); // guards against reference cycles in forged updates
    const place = this.computePlace(item);
    this.places.set(item, place);
    return place;
  }

  private computePlace(item: AnyItem): ItemPlace | null {
    const parent = item.parent as unknown;
    if (parent instanceof Y.AbstractType) {
      const path = this.pathOfType(parent);
      return path && { parent: path, key: item.parentSub };
    }
    if (typeof parent === 'string') return { parent: { root: parent, keys: [], dead: false }, key: item.parentSub };
    if (parent && typeof parent === 'object') {
      const owner = this.struct(parent as StructId);
      if (!isItem(owner)) return null;
      if (contentOf(owner).kind !== 'type' && !isDeleted(owner)) {
        throw new UnknownItemError('the change nests data inside a value that is not a container');
      }
      const path = this.pathOfItemType(owner);
      return path && { parent: path, key: item.parentSub };
    }
    // No parent info: the item sits next to its origin (or right origin), in the same place.
    const neighbourId = item.origin ?? item.rightOrigin;
    if (!neighbourId) throw new UnknownItemError('the change holds an item without a place');
    const neighbour = this.struct(neighbourId);
    if (!isItem(neighbour)) return null;
    return this.place(neighbour);
  }

  /** The path of the type that a (container) item holds. */
  pathOfItemType(item: AnyItem): TypePath | null {
    if (this.typePaths.has(item)) return this.typePaths.get(item) ?? null;
    this.typePaths.set(item, null);
    const place = this.place(item);
    const path = place && {
      root: place.parent.root,
      keys: [...place.parent.keys, place.key ?? '#'],
      dead: place.parent.dead || isDeleted(item),
    };
    this.typePaths.set(item, path);
    return path;
  }

  private pathOfType(type: Y.AbstractType<unknown>): TypePath {
    const { root, keys } = serverTypePath(type);
    return { root, keys, dead: isDeadType(type) };
  }
}

/**
 * Where each type of a server doc lives, kept on the type itself across updates: a type never
 * moves (a map's child keeps its key, a root its name). Most updates write into a claim the
 * previous one wrote into, so its path is found once. Whether the type is deleted is checked
 * on each use. (A WeakMap kept one entry per claim's type: entries the garbage collector has
 * to trace as ephemerons.)
 */
const KNOWN = Symbol('factdesk.knownType');
type WithKnown = Y.AbstractType<unknown> & { [KNOWN]?: KnownType };

/** A type's place in a server doc, and that place as the parent of an item, made once each (every item of every update asks). */
export interface KnownType {
  root: string;
  keys: string[];
  alive: TypePath;
  dead: TypePath;
}

/** Where an integrated type of a server doc lives (its root name and keys), from the same memo. */
export function serverTypePath(type: Y.AbstractType<unknown>): KnownType {
  let known = (type as WithKnown)[KNOWN];
  if (known) return known;
  const item = type._item;
  let root: string;
  let keys: string[];
  if (item === null) {
    root = Y.findRootTypeKey(type);
    keys = [];
  } else {
    const parent = serverTypePath(item.parent as Y.AbstractType<unknown>);
    root = parent.root;
    keys = [...parent.keys, item.parentSub ?? '#'];
  }
  known = { root, keys, alive: { root, keys, dead: false }, dead: { root, keys, dead: true } };
  (type as WithKnown)[KNOWN] = known;
  return known;
}

/** How an item counts as deleted: now, or (inside a transaction) before it (before-view.ts). */
interface Deletions {
  deletedBefore(item: Y.Item): boolean;
}

const NOW: Deletions = { deletedBefore: (item) => item.deleted };

/** Whether a server type or one of its ancestors is deleted. */
export function isDeadType(type: Y.AbstractType<unknown>, deletions: Deletions = NOW): boolean {
  for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (deletions.deletedBefore(item)) return true;
  }
  return false;
}
