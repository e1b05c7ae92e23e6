/**
 * A claim read from its Y.Map field by field, on first use (`lazyClaim`), through a view of
 * the map: as it is now, or — on the server, inside the transaction that has just applied an
 * update — as it was before.
 */
import * as Y from 'yjs';
import { CLAIM_FIELDS, NESTED_FIELDS, type Claim, type Comment } from './claim.js';
import { checkedField } from './stored-claim.js';

/** One field of a claim read through `view`, checked (`checkedField`) and as a claim presents it (`presentField`). */
function claimField(map: Y.Map<unknown>, key: string, view: MapView): { value: unknown; ok: boolean } {
  const raw = view.get(map, key);
  const checked = checkedField(key, raw instanceof Y.AbstractType ? view.json(raw) : raw);
  return { value: presentField(key, checked.value), ok: checked.ok };
}

/**
 * A claim field's stored JSON as a claim presents it: lists default to empty, review and
 * resolution to null, status to draft and times to '', the thread is its comments in the order written. The one place for
 * these rules: the snapshot (`claimFromMap`) and the lazy claim must read alike.
 */
export function presentField(key: string, value: unknown): unknown {
  switch (key) {
    case 'tags':
    case 'sources':
    case 'history':
      return Array.isArray(value) ? value : [];
    case 'review':
    case 'threadResolved':
      return value ?? null;
    // Stamped by the server just after a client creates the claim: until they arrive, a draft with no times.
    case 'status':
      return value ?? 'draft';
    case 'createdAt':
    case 'updatedAt':
      return typeof value === 'string' ? value : '';
    case 'thread':
      return Object.values(value && typeof value === 'object' ? (value as Record<string, Comment>) : {}).sort((a, b) =>
        a.createdAt.localeCompare(b.createdAt),
      );
    default:
      return value;
  }
}

/**
 * How a claim's Y.Map is read: as it is now, or — on the server, inside the transaction that
 * has just applied an update — as it was before (server/src/validation/before-view.ts).
 */
export interface MapView {
  /** The value under `key` (a Y type for nested containers). */
  get(map: Y.Map<unknown>, key: string): unknown;
  /** A nested container's JSON. */
  json(type: Y.AbstractType<unknown>): unknown;
}

/** The doc as it is. */
export const CURRENT_VIEW: MapView = {
  get: (map, key) => map.get(key),
  json: (type) => type.toJSON(),
};

/** A claim read field by field, on first use; see `lazyClaim`. */
export interface LazyClaim {
  readonly claim: Claim;
  /** Reads `fields` now; any other field read afterwards throws (the doc is about to change). */
  keep(fields: Iterable<string>): void;
}

/**
 * A claim whose fields are read from its Y.Map only when first asked for, then kept. The
 * server's check of each update reads three or four fields of a claim that has a dozen, and
 * reading them all was the largest part of that check. Before the doc changes, `keep` the
 * fields still needed afterwards: reading any other then throws instead of seeing the change.
 */
export function lazyClaim(map: Y.Map<unknown>, view: MapView = CURRENT_VIEW): LazyClaim {
  return new LazyClaimReader(map, view);
}

/** Every key a claim has: its plain fields and its nested history and thread. */
const CLAIM_KEYS: readonly string[] = [...CLAIM_FIELDS, ...NESTED_FIELDS];

/**
 * The reader behind a lazy claim: the fields read so far, and whether the rest may still be
 * read. No closures or Proxy per claim: the server's check makes one for every update it
 * takes, and a Proxy's trap on each field read was most of its reading.
 */
class LazyClaimReader implements LazyClaim {
  readonly claim: Claim;
  kept = false;
  private readonly read = new Map<string, unknown>();
  /** The fields read so far whose stored value was unusable. */
  readonly bad = new Set<string>();

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly view: MapView,
  ) {
    this.claim = new LazyFields(this) as unknown as Claim;
  }

  field(key: string): unknown {
    const read = this.read;
    if (read.has(key)) return read.get(key);
    if (this.kept) throw new Error(`claim field "${key}" read after the claim changed`);
    const { value, ok } = claimField(this.map, key, this.view);
    if (!ok) this.bad.add(key);
    read.set(key, value);
    return value;
  }

  /** The claim's unusable fields, as `claimFromMap` names them (keys a claim does not have are not looked for). */
  invalid(): string[] | undefined {
    for (const key of CLAIM_KEYS) this.field(key);
    return this.bad.size > 0 ? CLAIM_KEYS.filter((key) => this.bad.has(key)) : undefined;
  }

  keep(fields: Iterable<string>): void {
    for (const field of fields) this.field(field);
    this.kept = true;
  }
}

/** The claim a reader hands out: one getter per claim key, on the prototype (so every claim key is `in` it). */
class LazyFields {
  readonly #reader: LazyClaimReader;

  constructor(reader: LazyClaimReader) {
    this.#reader = reader;
  }

  static {
    for (const key of CLAIM_KEYS) {
      Object.defineProperty(LazyFields.prototype, key, {
        get(this: LazyFields) {
          return this.#reader.field(key);
        },
        enumerable: true,
      });
    }
    // Reads every field: asked for by what shows a claim, never by the server's check of an update.
    Object.defineProperty(LazyFields.prototype, 'invalid', {
      get(this: LazyFields) {
        return this.#reader.invalid();
      },
      enumerable: false,
    });
  }
}
