/**
 * Reads a Yjs update (format v1) into plain objects, for checking only. `Y.decodeUpdate`
 * would build Yjs' own Item classes with field shapes that integrated items never have,
 * which slows every later access to Yjs items in the process; this reader builds none. It
 * follows `lazyStructReaderGenerator` and `readDeleteSet` of yjs 13.6 (src/utils/updates.js,
 * DeleteSet.js) and reads item content only as far as the permission rules need it.
 */
import * as decoding from 'lib0/decoding';
import { utf8TextDecoder } from 'lib0/string';

export interface StructId {
  client: number;
  clock: number;
}

/** What the rules need of an item's content: JSON values, a container's type, or neither. */
export type DecodedContent =
  | { kind: 'any'; values: unknown[] }
  | { kind: 'type'; typeRef: number }
  | { kind: 'deleted' }
  | { kind: 'other' };

export interface DecodedItem {
  kind: 'item';
  id: StructId;
  length: number;
  origin: StructId | null;
  rightOrigin: StructId | null;
  /** A root type's name, the ID of the containing item, or null (same place as a neighbour). */
  parent: string | StructId | null;
  parentSub: string | null;
  content: DecodedContent;
}

export interface DecodedRun {
  kind: 'gc' | 'skip';
  id: StructId;
  length: number;
}

export type DecodedStruct = DecodedItem | DecodedRun;

export interface DecodedUpdate {
  structs: DecodedStruct[];
  /** Deleted ranges by client. */
  deletes: Map<number, { clock: number; len: number }[]>;
}

/** Yjs' type refs (ContentType): YArray 0, YMap 1, YText 2, XmlElement 3, XmlFragment 4, XmlHook 5, XmlText 6. */
export const TYPE_REF = { array: 0, map: 1 } as const;

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

const readId = (d: decoding.Decoder): StructId => ({ client: decoding.readVarUint(d), clock: decoding.readVarUint(d) });

/** lib0's `readVarString`, with ASCII strings read as Latin-1 (the same characters): a TextDecoder call costs more. */
function readString(d: decoding.Decoder): string {
  const length = decoding.readVarUint(d);
  const start = d.pos;
  const end = start + length;
  const bytes = d.arr;
  if (end > bytes.length) throw new Error('string past the end of the update');
  d.pos = end;
  let i = start;
  while (i < end && bytes[i] < 128) i++;
  return i === end ? bufferOf(bytes).toString('latin1', start, end) : utf8TextDecoder!.decode(bytes.subarray(start, end));
}

let lastBytes: Uint8Array | null = null;
let lastBuffer: Buffer | null = null;

/** A Buffer over the same memory as `bytes`, made once per update read. */
function bufferOf(bytes: Uint8Array): Buffer {
  if (bytes !== lastBytes) {
    lastBytes = bytes;
    lastBuffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return lastBuffer!;
}

/** lib0's `readAny` (the same encoding, and the same values), reading strings with `readString`. */
function readAny(d: decoding.Decoder): unknown {
  const type = decoding.readUint8(d);
  switch (type) {
    case 127:
      return undefined;
    case 126:
      return null;
    case 125:
      return decoding.readVarInt(d);
    case 124:
      return decoding.readFloat32(d);
    case 123:
      return decoding.readFloat64(d);
    case 122:
      return decoding.readBigInt64(d);
    case 121:
      return false;
    case 120:
      return true;
    case 119:
      return readString(d);
    case 118: {
      const length = decoding.readVarUint(d);
      const object: Record<string, unknown> = {};
      for (let i = 0; i < length; i++) {
        const key = readString(d);
        object[key] = readAny(d);
      }
      return object;
    }
    case 117: {
      const length = decoding.readVarUint(d);
      const array: unknown[] = [];
      for (let i = 0; i < length; i++) array.push(readAny(d));
      return array;
    }
    case 116:
      return decoding.readVarUint8Array(d);
    default:
      throw new Error(`unknown value type ${type}`);
  }
}

function readContent(d: decoding.Decoder, info: number): { content: DecodedContent; length: number } {
  switch (info & BITS5) {
    case 1: // ContentDeleted
      return { content: { kind: 'deleted' }, length: decoding.readVarUint(d) };
    case 2: {
      // ContentJSON
      const len = decoding.readVarUint(d);
      for (let i = 0; i < len; i++) readString(d);
      return { content: { kind: 'other' }, length: len };
    }
    case 3: // ContentBinary
      decoding.readVarUint8Array(d);
      return { content: { kind: 'other' }, length: 1 };
    case 4: {
      // ContentString: its length counts UTF-16 code units, as JavaScript strings do
      const str = readString(d);
      return { content: { kind: 'other' }, length: str.length };
    }
    case 5: // ContentEmbed
      readString(d);
      return { content: { kind: 'other' }, length: 1 };
    case 6: // ContentFormat
      readString(d);
      readString(d);
      return { content: { kind: 'other' }, length: 1 };
    case 7: {
      // ContentType
      const typeRef = decoding.readVarUint(d);
      if (typeRef === 3 || typeRef === 5) readString(d);
      return { content: { kind: 'type', typeRef }, length: 1 };
    }
    case 8: {
      // ContentAny
      const len = decoding.readVarUint(d);
      const values: unknown[] = [];
      for (let i = 0; i < len; i++) values.push(readAny(d));
      return { content: { kind: 'any', values }, length: len };
    }
    case 9: // ContentDoc
      readString(d);
      decoding.readAny(d);
      return { content: { kind: 'other' }, length: 1 };
    default:
      throw new Error(`unknown content type ${info & BITS5}`);
  }
}

/** Decodes a v1 update; throws on malformed input. */
export function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return readUpdate(decoding.createDecoder(update));
  } finally {
    lastBytes = lastBuffer = null; // the update is not kept alive by the reader
  }
}

function readUpdate(d: decoding.Decoder): DecodedUpdate {
  const structs: DecodedStruct[] = [];
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    let clock = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      const info = decoding.readUint8(d);
      const id = { client, clock };
      if (info === 10) {
        const length = decoding.readVarUint(d);
        structs.push({ kind: 'skip', id, length });
        clock += length;
      } else if ((info & BITS5) !== 0) {
        const origin = (info & BIT8) === BIT8 ? readId(d) : null;
        const rightOrigin = (info & BIT7) === BIT7 ? readId(d) : null;
        const cantCopyParentInfo = (info & (BIT7 | BIT8)) === 0;
        const parent = cantCopyParentInfo ? (decoding.readVarUint(d) === 1 ? readString(d) : readId(d)) : null;
        const parentSub = cantCopyParentInfo && (info & BIT6) === BIT6 ? readString(d) : null;
        const { content, length } = readContent(d, info);
        structs.push({ kind: 'item', id, length, origin, rightOrigin, parent, parentSub, content });
        clock += length;
      } else {
        const length = decoding.readVarUint(d);
        structs.push({ kind: 'gc', id, length });
        clock += length;
      }
    }
  }
  const deletes = new Map<number, { clock: number; len: number }[]>();
  const deleteClients = decoding.readVarUint(d);
  for (let c = 0; c < deleteClients; c++) {
    const client = decoding.readVarUint(d);
    const ranges = decoding.readVarUint(d);
    const list: { clock: number; len: number }[] = [];
    for (let i = 0; i < ranges; i++) list.push({ clock: decoding.readVarUint(d), len: decoding.readVarUint(d) });
    if (list.length) deletes.set(client, list);
  }
  return { structs, deletes };
}
