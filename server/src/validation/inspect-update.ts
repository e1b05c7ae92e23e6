/**
 * Turns an incoming Yjs update into what it does to claims — one ClaimWrite per touched
 * claim — without applying it. The permission rules of @factdesk/shared then judge those
 * writes; the update is applied only when every one is allowed.
 */
import * as Y from 'yjs';
import { ROOT, emptyClaimWrite, type ClaimWrite } from '@factdesk/shared';
import { Locator, UnknownItemError, isDeleted, isItem, type AnyItem, type ItemPlace } from './locate.js';
import { TYPE_REF, decodeUpdate, type DecodedContent, type DecodedUpdate } from './decode-update.js';
import { completeness } from './completeness.js';

export type Inspection =
  | {
      ok: true;
      writes: ClaimWrite[];
      /** The Yjs client ids the update writes new structs (items or garbage-collected ranges) under. */
      clients: number[];
      /** Whether applying it would change the server's doc at all (new structs, or a live item deleted). */
      changes: boolean;
    }
  | { ok: false; reason: string; malformed: boolean; waiting?: false }
  /** It builds on clocks the server does not have yet: held until `waitingFor` is reached (see completeness.ts). */
  | { ok: false; reason: string; malformed: false; waiting: true; waitingFor: Map<number, number> };

/** A change the rules of the doc's shape refuse (not malformed: the reason is shown). */
export class Refusal extends Error {}

/** Decodes the update and describes its claim writes, or says why it cannot be taken. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): Inspection {
  let decoded: DecodedUpdate;
  try {
    decoded = decodeUpdate(update);
  } catch {
    return { ok: false, reason: 'the change could not be decoded', malformed: true };
  }
  // Judged only whole: a client whose earlier change was refused legitimately builds on it until
  // it re-syncs, so an update that names clocks the server lacks waits for them (Room.receiveUpdate).
  const whole = completeness(doc, decoded);
  if (!whole.complete) {
    return 'refusal' in whole
      ? { ok: false, reason: whole.refusal, malformed: false }
      : { ok: false, reason: 'the change depends on an earlier change the server does not have', malformed: false, waiting: true, waitingFor: whole.waitingFor };
  }
  try {
    return describe(doc, decoded);
  } catch (error) {
    if (error instanceof Refusal || error instanceof UnknownItemError) return { ok: false, reason: error.message, malformed: false };
    return { ok: false, reason: 'the change is malformed', malformed: true };
  }
}

/** What a whole update (completeness.ts) writes, claim by claim. */
function describe(doc: Y.Doc, { structs, deletes }: DecodedUpdate): Inspection {
  const locator = new Locator(doc, structs);
  const writes = new WriteCollector();

  for (const struct of structs) {
    const known = Y.getState(doc.store, struct.id.client);
    if (struct.id.clock + struct.length <= known) continue; // already integrated: Yjs ignores it
    // A garbage-collected range carries no content, but it does take up its client's clocks.
    writes.wroteUnder(struct.id.client);
    if (struct.kind !== 'item') continue;
    const place = locator.place(struct);
    if (place && !place.parent.dead) writes.insert(place, struct.content, struct.rightOrigin !== null);
  }
  writes.insertsDone();

  for (const [client, ranges] of deletes) {
    for (const { clock, len } of mergedRanges(ranges)) {
      for (const item of itemsInRange(locator, client, clock, len)) {
        if (isDeleted(item)) continue;
        writes.changes = true;
        const place = locator.place(item);
        if (place && !place.parent.dead) writes.delete(place);
      }
    }
  }
  return writes.inspection();
}

/**
 * What one update writes, claim by claim, as its items are met: inserts first (then
 * `insertsDone`), then deletions. Both gates use it: the one that reads the update before
 * applying it, and the one that reads the items Yjs has just integrated (inspect-applied.ts).
 */
export class WriteCollector {
  private readonly writes = new Map<string, ClaimWrite>();
  private readonly clients = new Set<number>();
  private readonly containersCreated: ContainerWrite[] = [];
  /** Whether applying the update changes the doc at all (new structs, or a live item deleted). */
  changes = false;

  /** The update writes new structs (items or garbage-collected ranges) under this client id. */
  wroteUnder(client: number): void {
    this.clients.add(client);
    this.changes = true;
  }

  insert(place: ItemPlace, content: DecodedContent, beforeSomething: boolean): void {
    recordInsert(place, content, beforeSomething, this.writes, this.containersCreated);
  }

  /** A history or thread container written with an existing claim replaces it. */
  insertsDone(): void {
    for (const { w, field } of this.containersCreated) {
      if (w.kind === 'create') continue;
      if (field === 'history') w.historyRewritten = true;
      else w.threadReplaced = true;
    }
  }

  delete(place: ItemPlace): void {
    recordDelete(place, this.writes);
  }

  inspection(): Inspection {
    const result = [...this.writes.values()];
    for (const w of result) {
      if (w.kind === 'delete') Object.assign(w, emptyClaimWrite(w.claimId, 'delete'));
    }
    return { ok: true, writes: result, clients: [...this.clients], changes: this.changes };
  }
}

/** The writes of one update, by claim id. */
type Writes = Map<string, ClaimWrite>;

/** The write to `claimId`, created on first use. (A plain function: no closure per update.) */
function writeTo(writes: Writes, claimId: string): ClaimWrite {
  let w = writes.get(claimId);
  if (!w) writes.set(claimId, (w = emptyClaimWrite(claimId)));
  return w;
}

/**
 * A client's deleted ranges sorted and overlaps joined, as Yjs does before applying them: a
 * message repeating one range over the whole article costs one pass, not one per repetition.
 */
function mergedRanges(ranges: { clock: number; len: number }[]): { clock: number; len: number }[] {
  if (ranges.length < 2) return ranges;
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  const merged = [{ ...sorted[0] }];
  for (let i = 1; i < sorted.length; i++) {
    const last = merged[merged.length - 1];
    const r = sorted[i];
    if (r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock);
    else merged.push({ ...r });
  }
  return merged;
}

function* itemsInRange(locator: Locator, client: number, clock: number, len: number): Generator<AnyItem> {
  let at = clock;
  while (at < clock + len) {
    const struct = locator.struct({ client, clock: at });
    if (isItem(struct)) yield struct;
    at = struct.id.clock + struct.length;
  }
}

function serverOnlyPart(root: string): string {
  if (root === ROOT.meta) return 'the article metadata';
  if (root === ROOT.article) return 'the article text';
  return 'outside the claims';
}

/** The one value an item at a map key holds: Yjs keeps every value of the item, though the map shows the last. */
function lastValue(content: DecodedContent): unknown {
  if (content.kind === 'any') {
    if (content.values.length !== 1) throw new Refusal('a claim field holds one value');
    return content.values[0];
  }
  if (content.kind === 'type') return { container: content.typeRef }; // never a valid field value
  throw new Refusal('claims hold only JSON values and their history and thread');
}

function isContainer(content: DecodedContent, typeRef: number): boolean {
  return content.kind === 'type' && content.typeRef === typeRef;
}

/** History and thread containers written by the update; allowed only with a new claim. */
interface ContainerWrite {
  w: ClaimWrite;
  field: 'history' | 'thread';
}

function recordInsert(
  place: ItemPlace,
  content: DecodedContent,
  beforeSomething: boolean,
  writes: Writes,
  containersCreated: ContainerWrite[],
): void {
  const depth = depthInClaims(place);
  const claimId = keyAt(place, 0);
  const field = keyAt(place, 1);
  const sub = keyAt(place, 2);
  if (claimId === '#') throw new Refusal('the claims map holds only claims by id');
  const w = writeTo(writes, claimId);
  if (depth === 1) {
    if (!isContainer(content, TYPE_REF.map)) {
      throw new Refusal('a claim must be a map of fields');
    }
    w.kind = 'create';
    return;
  }
  if (depth === 2) {
    if (field === 'history' || field === 'thread') {
      if (!isContainer(content, field === 'history' ? TYPE_REF.array : TYPE_REF.map)) {
        throw new Refusal(`the ${field} of a claim has a fixed shape`);
      }
      containersCreated.push({ w, field });
      return;
    }
    if (field === '#') {
      w.unknownPaths.push(`${claimId}/#`);
      return;
    }
    w.fields[field] = lastValue(content);
    return;
  }
  if (depth === 3 && field === 'history' && sub === '#') {
    if (content.kind !== 'any') throw new Refusal('history entries are JSON values');
    if (beforeSomething) w.historyRewritten = true; // only appends at the end
    w.historyAppended.push(...content.values);
    return;
  }
  if (depth === 3 && field === 'thread' && sub !== '#') {
    if (content.kind !== 'any') throw new Refusal('comments are JSON values');
    upsertComment(w, sub, lastValue(content));
    return;
  }
  w.unknownPaths.push(pathText(place));
}

function upsertComment(w: ClaimWrite, id: string, value: unknown): void {
  const existing = w.comments.find((c) => c.id === id);
  if (existing) {
    if (existing.value === undefined || value !== undefined) existing.value = value ?? existing.value;
  } else {
    w.comments.push({ id, value });
  }
}

function recordDelete(place: ItemPlace, writes: Writes): void {
  const depth = depthInClaims(place);
  const claimId = keyAt(place, 0);
  const field = keyAt(place, 1);
  const sub = keyAt(place, 2);
  const w = writeTo(writes, claimId);
  if (depth === 1) {
    if (w.kind !== 'create') w.kind = 'delete';
    return;
  }
  if (depth === 2) {
    if (field === 'history') w.historyRewritten = true;
    else if (field === 'thread') w.threadReplaced = true;
    else if (!(field in w.fields)) w.fields[field] = undefined; // removed, not overwritten
    return;
  }
  if (field === 'history') {
    w.historyRewritten = true;
    return;
  }
  if (field === 'thread' && depth === 3) {
    if (!w.comments.some((c) => c.id === sub)) w.comments.push({ id: sub, value: undefined });
    return;
  }
  w.unknownPaths.push(pathText(place));
}

/** How deep in the claims map an item is (1: a claim, 2: a field, 3: an entry of one); only the server writes elsewhere. */
function depthInClaims(place: ItemPlace): number {
  const { root, keys } = place.parent;
  if (root !== ROOT.annotations) throw new Refusal(`only the server writes ${serverOnlyPart(root)}`);
  return keys.length + 1;
}

/**
 * The i-th key of the path to an item: its type's keys in the claims map, then its own key
 * ('#' for an array element); '' past the end. Read without building the path: every item of
 * every update passes here.
 */
function keyAt(place: ItemPlace, i: number): string {
  const keys = place.parent.keys;
  if (i < keys.length) return keys[i];
  return i === keys.length ? (place.key ?? '#') : '';
}

/** The path to an item, as a refusal names it (each key cut to 40 characters). */
function pathText(place: ItemPlace): string {
  return [...place.parent.keys, place.key ?? '#'].map((k) => k.slice(0, 40)).join('/');
}
