/**
 * A Yjs v1 update written by hand, struct by struct, so a hostile client can send what no
 * Y.Doc would: Skip structs, clock gaps, foreign client ids, parents that do not exist, delete
 * ranges over anything. Follows yjs 13.6's UpdateEncoderV1 byte for byte
 * (Item.write, GC.write, Skip.write, writeDeleteSet); the adversarial test checks that
 * `Y.decodeUpdate` reads back what was written.
 */
import * as encoding from 'lib0/encoding';

export interface StructId {
  client: number;
  clock: number;
}

/** Where an item without origins goes: a root type by name, or the type an item created. */
export type StructParent = { root: string } | { item: StructId };

export type StructContent =
  | { kind: 'any'; values: unknown[] }
  | { kind: 'string'; text: string }
  /** 0 array, 1 map, 2 text, 3 xml element, 4 xml fragment, 6 xml text. */
  | { kind: 'type'; typeRef: number; name?: string }
  | { kind: 'deleted'; length: number }
  | { kind: 'json'; values: string[] }
  | { kind: 'binary'; bytes: Uint8Array };

export type Struct =
  | { kind: 'gc'; length: number }
  | { kind: 'skip'; length: number }
  | { kind: 'item'; origin?: StructId; rightOrigin?: StructId; parent?: StructParent; parentSub?: string; content: StructContent };

/** The structs one client wrote, from `clock` on. */
export interface ClientStructs {
  client: number;
  clock: number;
  structs: Struct[];
}

export interface DeleteRange {
  client: number;
  clock: number;
  length: number;
}

export interface RawUpdate {
  clients: ClientStructs[];
  deletes: DeleteRange[];
}

const CONTENT_REF = { deleted: 1, json: 2, binary: 3, string: 4, type: 7, any: 8 } as const;

/** How many clock ticks a struct takes (what the next struct's clock must skip). */
export function structLength(struct: Struct): number {
  if (struct.kind !== 'item') return struct.length;
  const c = struct.content;
  switch (c.kind) {
    case 'any':
      return c.values.length;
    case 'json':
      return c.values.length;
    case 'string':
      // Yjs counts UTF-16 code units.
      return c.text.length;
    case 'deleted':
      return c.length;
    default:
      return 1;
  }
}

function writeId(encoder: encoding.Encoder, id: StructId): void {
  encoding.writeVarUint(encoder, id.client);
  encoding.writeVarUint(encoder, id.clock);
}

function writeContent(encoder: encoding.Encoder, content: StructContent): void {
  switch (content.kind) {
    case 'any':
      encoding.writeVarUint(encoder, content.values.length);
      for (const v of content.values) encoding.writeAny(encoder, v as never);
      return;
    case 'string':
      encoding.writeVarString(encoder, content.text);
      return;
    case 'type':
      encoding.writeVarUint(encoder, content.typeRef);
      if (content.typeRef === 3 || content.typeRef === 5) encoding.writeVarString(encoder, content.name ?? 'p');
      return;
    case 'deleted':
      encoding.writeVarUint(encoder, content.length);
      return;
    case 'json':
      encoding.writeVarUint(encoder, content.values.length);
      for (const v of content.values) encoding.writeVarString(encoder, v);
      return;
    case 'binary':
      encoding.writeVarUint8Array(encoder, content.bytes);
      return;
  }
}

function writeStruct(encoder: encoding.Encoder, struct: Struct): void {
  if (struct.kind === 'gc' || struct.kind === 'skip') {
    encoding.writeUint8(encoder, struct.kind === 'gc' ? 0 : 10);
    encoding.writeVarUint(encoder, struct.length);
    return;
  }
  const hasOrigins = struct.origin !== undefined || struct.rightOrigin !== undefined;
  const info =
    CONTENT_REF[struct.content.kind] |
    (struct.origin ? 0x80 : 0) |
    (struct.rightOrigin ? 0x40 : 0) |
    (!hasOrigins && struct.parentSub !== undefined ? 0x20 : 0);
  encoding.writeUint8(encoder, info);
  if (struct.origin) writeId(encoder, struct.origin);
  if (struct.rightOrigin) writeId(encoder, struct.rightOrigin);
  if (!hasOrigins) {
    const parent = struct.parent ?? { root: 'annotations' };
    if ('root' in parent) {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, parent.root);
    } else {
      encoding.writeVarUint(encoder, 0);
      writeId(encoder, parent.item);
    }
    if (struct.parentSub !== undefined) encoding.writeVarString(encoder, struct.parentSub);
  }
  writeContent(encoder, struct.content);
}

/** Encodes `update` in the v1 format (what y-websocket sends). */
export function encodeUpdate(update: RawUpdate): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, update.clients.length);
  for (const { client, clock, structs } of update.clients) {
    encoding.writeVarUint(encoder, structs.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    for (const struct of structs) writeStruct(encoder, struct);
  }
  const byClient = new Map<number, DeleteRange[]>();
  for (const range of update.deletes) byClient.set(range.client, [...(byClient.get(range.client) ?? []), range]);
  encoding.writeVarUint(encoder, byClient.size);
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(encoder, r.clock);
      encoding.writeVarUint(encoder, r.length);
    }
  }
  return encoding.toUint8Array(encoder);
}

/** An update holding only `clients`' structs from `from` on: the pieces of a split update. */
export function splitAtStruct(update: RawUpdate, at: number): [RawUpdate, RawUpdate] {
  const first: ClientStructs[] = [];
  const second: ClientStructs[] = [];
  for (const c of update.clients) {
    const cut = Math.min(at, c.structs.length);
    const head = c.structs.slice(0, cut);
    const tail = c.structs.slice(cut);
    const tailClock = c.clock + head.reduce((n, s) => n + structLength(s), 0);
    if (head.length) first.push({ client: c.client, clock: c.clock, structs: head });
    if (tail.length) second.push({ client: c.client, clock: tailClock, structs: tail });
  }
  return [
    { clients: first, deletes: [] },
    { clients: second, deletes: update.deletes },
  ];
}
