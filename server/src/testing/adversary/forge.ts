/**
 * Turns a plan into the frames a hostile client sends, against the doc as the server stored
 * it: hand-encoded updates that name real items (so they would take effect if let through),
 * broken and oversized ones, awareness floods, and the forgeries of real-forgery.ts.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { claimsMap } from '@factdesk/shared';
import type { Sender } from './oracle.js';
import type { Encoding, Plan } from './plans.js';
import { realForgery } from './real-forgery.js';
import { claimMapOf, clientFor, person, pickClaim, uuid, type ForgeContext } from './targets.js';
import { encodeUpdate, splitAtStruct, structLength, type RawUpdate, type Struct, type StructContent, type StructId } from './update-encoder.js';
import { firstListRange, listEndOrigin, mapKeyOrigin, mapKeyRange, typeId, type AnyType } from './yjs-internals.js';

export type { ForgeContext, HostileState } from './targets.js';

export interface Frame {
  bytes: Uint8Array;
  /** The structs that fill the clock gap an earlier plan left. */
  filler?: boolean;
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export function syncFrame(update: Uint8Array, step2 = false): Frame {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step2 ? 1 : 2);
  encoding.writeVarUint8Array(encoder, update);
  return { bytes: encoding.toUint8Array(encoder) };
}

function awarenessFrame(update: Uint8Array): Frame {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return { bytes: encoding.toUint8Array(encoder) };
}

function contentOf(value: unknown, enc: Encoding): StructContent {
  switch (enc) {
    case 'any':
      return { kind: 'any', values: [value === undefined ? null : value] };
    case 'nested-map':
      return { kind: 'type', typeRef: 1 };
    case 'nested-array':
      return { kind: 'type', typeRef: 0 };
    case 'nested-text':
      return { kind: 'type', typeRef: 2 };
    case 'string':
      return { kind: 'string', text: String(JSON.stringify(value) ?? 'x') };
    case 'json':
      return { kind: 'json', values: [JSON.stringify(value) ?? 'null'] };
    case 'binary':
      return { kind: 'binary', bytes: new Uint8Array([1, 2, 3]) };
    case 'deleted':
      return { kind: 'deleted', length: 1 };
  }
}

/** A struct writing `key` of `map` (or of an item that does not exist when `map` is null). */
function keyWrite(ctx: ForgeContext, map: AnyType | null, key: string, content: StructContent): Struct {
  if (!map) return { kind: 'item', parent: { item: { client: Math.floor(ctx.rand() * 2 ** 32), clock: 7 } }, parentSub: key, content };
  const origin = mapKeyOrigin(map, key);
  if (origin) return { kind: 'item', origin, content };
  const id = typeId(map);
  const parent = id ? { item: id } : { root: Y.findRootTypeKey(map) };
  return { kind: 'item', parent, parentSub: key, content };
}

function single(at: StructId, structs: Struct[]): RawUpdate {
  return { clients: [{ client: at.client, clock: at.clock, structs }], deletes: [] };
}

/** The structs of a new claim under `key`, starting at `at`. */
function newClaimStructs(ctx: ForgeContext, at: StructId, key: string, author: Sender, forged: string[], reuse: boolean): Struct[] {
  const annotations = claimsMap(ctx.mirror);
  const origin = reuse ? mapKeyOrigin(annotations, key) : null;
  const structs: Struct[] = [origin ? { kind: 'item', origin, content: { kind: 'type', typeRef: 1 } } : { kind: 'item', parent: { root: 'annotations' }, parentSub: key, content: { kind: 'type', typeRef: 1 } }];
  const claim = { item: { client: at.client, clock: at.clock } };
  const now = new Date().toISOString();
  const fields: Record<string, unknown> = {
    id: key,
    author: person(author),
    createdAt: now,
    updatedAt: now,
    target: { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } },
    verdict: 'mostly-true',
    rationale: 'hostile',
    sources: [],
    tags: [],
    status: 'draft',
    review: null,
  };
  const forgedValues: Record<string, unknown> = {
    status: 'approved',
    review: { decision: 'approved', reviewer: person(author), at: now, comment: '' },
    createdAt: '2001-01-01T00:00:00.000Z',
    threadResolved: { by: person(author), at: now },
    pastTargets: [fields.target],
    evil: true,
  };
  for (const f of forged) if (f in forgedValues) fields[f] = forgedValues[f];
  for (const [f, v] of Object.entries(fields)) structs.push({ kind: 'item', parent: claim, parentSub: f, content: { kind: 'any', values: [v] } });
  let clock = at.clock + structs.reduce((n, s) => n + structLength(s), 0);
  const history = { client: at.client, clock };
  structs.push({ kind: 'item', parent: claim, parentSub: 'history', content: { kind: 'type', typeRef: 0 } });
  const action = forged.includes('history') ? 'approved' : 'created';
  structs.push({ kind: 'item', parent: { item: history }, content: { kind: 'any', values: [{ at: now, by: person(author), action }] } });
  clock += 2;
  structs.push({ kind: 'item', parent: claim, parentSub: 'thread', content: { kind: 'type', typeRef: 1 } });
  if (forged.includes('thread')) {
    const other = ctx.others[0];
    const id = uuid(ctx.rand);
    structs.push({ kind: 'item', parent: { item: { client: at.client, clock } }, parentSub: id, content: { kind: 'any', values: [{ id, author: person(other), createdAt: now, updatedAt: now, text: 'in your name' }] } });
  }
  return structs;
}

/** Frames for a plan; empty when the doc offers nothing to aim at. */
export function forge(plan: Plan, ctx: ForgeContext): Frame[] {
  const frames: Frame[] = [];
  if (ctx.hostile.filler && plan.kind !== 'awareness') {
    frames.push({ ...syncFrame(ctx.hostile.filler), filler: true });
    ctx.hostile.filler = null;
  }
  const now = new Date().toISOString();
  const me = person(ctx.sender);
  const other = ctx.others[Math.floor(ctx.rand() * ctx.others.length)];
  switch (plan.kind) {
    case 'field-write': {
      const map = claimMapOf(ctx, pickClaim(ctx, plan.claim));
      const at = clientFor(ctx, plan.client);
      frames.push(syncFrame(encodeUpdate(single(at, [keyWrite(ctx, map, plan.field, contentOf(plan.value, plan.encoding))])), plan.step2));
      break;
    }
    case 'new-claim': {
      const at = clientFor(ctx, plan.client);
      const key = plan.reuseKey ? (pickClaim(ctx, { which: 'other', n: 0 }) ?? uuid(ctx.rand)) : uuid(ctx.rand);
      const structs = newClaimStructs(ctx, at, key, plan.authorIsOther ? other : ctx.sender, plan.forged, plan.reuseKey);
      frames.push(syncFrame(encodeUpdate(single(at, structs)), plan.step2));
      break;
    }
    case 'history-append': {
      const map = claimMapOf(ctx, pickClaim(ctx, plan.claim));
      const history = map?.get('history');
      if (!(history instanceof Y.Array)) break;
      const origin = listEndOrigin(history);
      const content: StructContent = { kind: 'any', values: [{ at: now, by: plan.byOther ? person(other) : me, action: plan.action }] };
      const struct: Struct = origin ? { kind: 'item', origin, content } : { kind: 'item', parent: { item: typeId(history)! }, content };
      frames.push(syncFrame(encodeUpdate(single(clientFor(ctx, plan.client), [struct]))));
      break;
    }
    case 'comment': {
      const map = claimMapOf(ctx, pickClaim(ctx, plan.claim));
      const thread = map?.get('thread');
      if (!(thread instanceof Y.Map)) break;
      const theirs = [...thread.keys()].filter((k) => (thread.get(k) as { author?: { id?: string } })?.author?.id !== ctx.sender.id);
      const id = plan.overwrite && theirs.length ? theirs[Math.floor(ctx.rand() * theirs.length)] : uuid(ctx.rand);
      const comment = { id, author: plan.asOther ? person(other) : me, createdAt: now, updatedAt: now, text: 'hostile comment' };
      frames.push(syncFrame(encodeUpdate(single(clientFor(ctx, plan.client), [keyWrite(ctx, thread, id, { kind: 'any', values: [comment] })]))));
      break;
    }
    case 'root-write': {
      const root = ctx.mirror.getMap(plan.root);
      const content: StructContent = { kind: 'any', values: [plan.value ?? null] };
      const struct: Struct = plan.listItem ? { kind: 'item', parent: { root: plan.root }, content } : keyWrite(ctx, root, plan.key, content);
      frames.push(syncFrame(encodeUpdate(single(clientFor(ctx, plan.client), [struct]))));
      break;
    }
    case 'delete':
      frames.push(...deleteFrames(plan, ctx));
      break;
    case 'noise': {
      const at = clientFor(ctx, plan.client);
      const map = claimMapOf(ctx, pickClaim(ctx, { which: 'any', n: plan.structs[0] }));
      const parent =
        plan.parent === 'claims' ? { root: 'annotations' } : plan.parent === 'meta' ? { root: 'meta' } : plan.parent === 'claim' && map ? { item: typeId(map)! } : { item: { client: 12345, clock: 99 } };
      const structs: Struct[] = plan.structs.map((n) => {
        if (n < 10) return { kind: 'gc', length: n + 1 };
        if (n < 20) return { kind: 'skip', length: n - 9 };
        if (n < 30) return { kind: 'item', parent, parentSub: `k${n}`, content: { kind: 'any', values: [n] } };
        return { kind: 'item', parent, parentSub: n % 2 ? 'status' : undefined, content: { kind: 'type', typeRef: n % 3 } };
      });
      frames.push(syncFrame(encodeUpdate(single(at, structs))));
      break;
    }
    case 'split-reversed': {
      const at = clientFor(ctx, plan.client);
      let structs: Struct[];
      if (plan.inner === 'new-claim') structs = newClaimStructs(ctx, at, uuid(ctx.rand), ctx.sender, [], false);
      else {
        const map = claimMapOf(ctx, pickClaim(ctx, plan.claim));
        structs = [keyWrite(ctx, map, 'rationale', { kind: 'any', values: ['split'] }), keyWrite(ctx, map, 'status', { kind: 'any', values: ['approved'] })];
      }
      const [first, second] = splitAtStruct(single(at, structs), plan.cut);
      frames.push(syncFrame(encodeUpdate(second)), syncFrame(encodeUpdate(first)));
      break;
    }
    case 'gap': {
      const map = claimMapOf(ctx, pickClaim(ctx, plan.claim));
      const at = clientFor(ctx, 'own-next');
      const late = { client: at.client, clock: at.clock + plan.gap };
      const write = keyWrite(ctx, map, plan.field, { kind: 'any', values: ['after a gap'] });
      // A Skip struct says the same as a later clock: here is a gap, the rest comes after it.
      const update = plan.viaSkip ? single(at, [{ kind: 'skip', length: plan.gap }, write]) : single(late, [write]);
      frames.push(syncFrame(encodeUpdate(update)));
      if (plan.fillLater) {
        const own = claimMapOf(ctx, pickClaim(ctx, { which: 'own', n: plan.gap }));
        const fill: Struct[] = Array.from({ length: plan.gap }, (_, i) => keyWrite(ctx, own, 'rationale', { kind: 'any', values: [`fill ${i}`] }));
        ctx.hostile.filler = encodeUpdate(single(at, fill));
      }
      break;
    }
    case 'huge':
      frames.push(syncFrame(hugeUpdate(plan.variant, 2 ** plan.magnitude, ctx)));
      break;
    case 'awareness':
      frames.push(awarenessFrame(awarenessFlood(plan, ctx)));
      break;
    case 'forgery': {
      const update = realForgery(plan, ctx);
      if (update) frames.push(syncFrame(update, plan.step2));
      break;
    }
  }
  return frames;
}

function deleteFrames(plan: Extract<Plan, { kind: 'delete' }>, ctx: ForgeContext): Frame[] {
  const key = pickClaim(ctx, plan.claim);
  const map = claimMapOf(ctx, key);
  const ranges: { client: number; clock: number; length: number }[] = [];
  const own = clientFor(ctx, 'own-next');
  switch (plan.what) {
    case 'claim': {
      const id = map && typeId(map);
      if (id) ranges.push({ ...id, length: 1 });
      break;
    }
    case 'field': {
      const fields = map ? [...map.keys()] : [];
      const range = map && fields.length ? mapKeyRange(map, fields[Math.floor(ctx.rand() * fields.length)]) : null;
      if (range) ranges.push(range);
      break;
    }
    case 'history': {
      const history = map?.get('history');
      const range = history instanceof Y.Array ? firstListRange(history) : null;
      if (range) ranges.push(range);
      break;
    }
    case 'comment': {
      const thread = map?.get('thread');
      const keys = thread instanceof Y.Map ? [...thread.keys()] : [];
      const range = keys.length ? mapKeyRange(thread as Y.Map<unknown>, keys[0]) : null;
      if (range) ranges.push(range);
      break;
    }
    case 'future': {
      const client = ctx.foreignClients[Math.floor(ctx.rand() * ctx.foreignClients.length)];
      ranges.push({ client, clock: Y.getState(ctx.mirror.store, client) + 1 + Math.floor(ctx.rand() * 50), length: 1 + Math.floor(ctx.rand() * 20) });
      break;
    }
    case 'huge':
      ranges.push({ client: own.client, clock: 0, length: 2 ** 50 });
      break;
    case 'article': {
      const article = ctx.mirror.getMap('article');
      const range = [...article.keys()].map((k) => mapKeyRange(article, k)).find(Boolean);
      if (range) ranges.push(range);
      break;
    }
  }
  if (!ranges.length) return [];
  const structs: Struct[] = plan.withStruct ? [{ kind: 'gc', length: 1 }] : [];
  return [syncFrame(encodeUpdate({ clients: structs.length ? [{ client: own.client, clock: own.clock, structs }] : [], deletes: ranges }))];
}

/** Updates that declare more than they hold, or clocks and lengths near the limits of a number. */
function hugeUpdate(variant: number, big: number, ctx: ForgeContext): Uint8Array {
  const at = clientFor(ctx, 'own-next');
  const e = encoding.createEncoder();
  const head = (clients = 1, structs = 1, clock = at.clock) => {
    encoding.writeVarUint(e, clients);
    encoding.writeVarUint(e, structs);
    encoding.writeVarUint(e, at.client);
    encoding.writeVarUint(e, clock);
  };
  switch (variant) {
    case 0:
      return encodeUpdate(single(at, [{ kind: 'gc', length: big }]));
    case 1:
      return encodeUpdate(single(at, [{ kind: 'skip', length: big }]));
    case 2: // ContentAny claiming `big` values, holding none
      head();
      encoding.writeUint8(e, 8 | 0x20);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'annotations');
      encoding.writeVarString(e, 'x');
      encoding.writeVarUint(e, big);
      break;
    case 3:
      return encodeUpdate(single(at, [{ kind: 'item', parent: { root: 'annotations' }, parentSub: 'x', content: { kind: 'deleted', length: big } }]));
    case 4:
      return encodeUpdate({ clients: [], deletes: [{ client: at.client, clock: big, length: big }] });
    case 5:
      head(big, big);
      break;
    case 6: // a string whose declared length runs past the message
      head();
      encoding.writeUint8(e, 4 | 0x20);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'annotations');
      encoding.writeVarString(e, 'x');
      encoding.writeVarUint(e, big);
      encoding.writeUint8Array(e, new Uint8Array(16));
      break;
    default:
      return encodeUpdate(single({ client: at.client, clock: big }, [{ kind: 'item', parent: { root: 'annotations' }, parentSub: 'late', content: { kind: 'any', values: [1] } }]));
  }
  return encoding.toUint8Array(e);
}

function awarenessFlood(plan: Extract<Plan, { kind: 'awareness' }>, ctx: ForgeContext): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, plan.ids);
  const pad = 'a'.repeat(Math.floor(plan.stateBytes / plan.ids));
  for (let i = 0; i < plan.ids; i++) {
    const client = plan.foreign && ctx.foreignClients.length ? ctx.foreignClients[i % ctx.foreignClients.length] : Math.floor(ctx.rand() * 2 ** 32);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1 + Math.floor(ctx.rand() * 1000));
    encoding.writeVarString(e, plan.nullStates ? 'null' : JSON.stringify({ user: { id: ctx.others[0].id, name: 'Impostor' }, pad }));
  }
  return encoding.toUint8Array(e);
}
