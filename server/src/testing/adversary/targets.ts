/**
 * What a plan aims at in the doc as the server stored it: a claim of the right sort, the
 * client id and clock its structs take, and what a hostile connection remembers between plans.
 */
import * as Y from 'yjs';
import { claimsMap } from '@factdesk/shared';
import type { Sender } from './oracle.js';
import type { ClaimPick, ClientPick } from './plans.js';
import type { StructId } from './update-encoder.js';

/** What one hostile connection remembers between plans. */
export interface HostileState {
  clientId: number;
  /** The client id of its real Y.Doc: kept across rebuilds, as a reloaded app keeps writing under one id per session. */
  forgeClientId: number;
  /** Its real Y.Doc for forgeries; dropped when a forgery was refused, as the app drops its copy. */
  forgeDoc: Y.Doc | null;
  /** The structs that fill an earlier gap, sent with the next plan. */
  filler: Uint8Array | null;
}

export interface ForgeContext {
  mirror: Y.Doc;
  /** Changes whenever `mirror` does: what the claim list and the full state are cached against. */
  mirrorVersion: number;
  sender: Sender;
  /** Other people: forged authors. */
  others: Sender[];
  /** The honest clients' client ids. */
  foreignClients: number[];
  hostile: HostileState;
  rand: () => number;
}

export const person = (s: Sender) => ({ id: s.id, name: s.name });

export function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const cache = { doc: null as Y.Doc | null, version: -1, claims: [] as [string, Y.Map<unknown>][], state: null as Uint8Array | null };

export function cached(ctx: ForgeContext): typeof cache {
  if (cache.doc !== ctx.mirror || cache.version !== ctx.mirrorVersion) {
    const claims: [string, Y.Map<unknown>][] = [];
    claimsMap(ctx.mirror).forEach((map, key) => map instanceof Y.Map && claims.push([key, map]));
    Object.assign(cache, { doc: ctx.mirror, version: ctx.mirrorVersion, claims: claims.sort(([a], [b]) => (a < b ? -1 : 1)), state: null });
  }
  return cache;
}

export function claimEntries(ctx: ForgeContext): [string, Y.Map<unknown>][] {
  return cached(ctx).claims;
}

const authorId = (map: Y.Map<unknown>) => (map.get('author') as { id?: string } | undefined)?.id;

/** The key of the claim a pick names, or null when there is none of that sort. */
export function pickClaim(ctx: ForgeContext, pick: ClaimPick): string | null {
  if (pick.which === 'missing') return uuid(ctx.rand);
  const all = claimEntries(ctx);
  const fits = all.filter(([, map]) => {
    if (pick.which === 'own') return authorId(map) === ctx.sender.id;
    if (pick.which === 'other') return authorId(map) !== ctx.sender.id;
    if (pick.which === 'approved') return map.get('status') === 'approved';
    return true;
  });
  const from = fits.length ? fits : all;
  return from.length ? from[pick.n % from.length][0] : null;
}

export function claimMapOf(ctx: ForgeContext, key: string | null): Y.Map<unknown> | null {
  const map = key === null ? undefined : claimsMap(ctx.mirror).get(key);
  return map instanceof Y.Map ? map : null;
}

/** The client id and first clock the structs take. */
export function clientFor(ctx: ForgeContext, pick: ClientPick): StructId {
  const state = (client: number) => Y.getState(ctx.mirror.store, client);
  const { hostile, rand } = ctx;
  switch (pick) {
    case 'own-next':
      return { client: hostile.clientId, clock: state(hostile.clientId) };
    case 'own-gap':
      return { client: hostile.clientId, clock: state(hostile.clientId) + 1 + Math.floor(rand() * 5) };
    case 'own-new':
      hostile.clientId = Math.floor(rand() * 2 ** 32);
      return { client: hostile.clientId, clock: 0 };
    case 'foreign-next': {
      const client = ctx.foreignClients[Math.floor(rand() * ctx.foreignClients.length)];
      return { client, clock: state(client) };
    }
    case 'reused': {
      const known = [...Y.decodeStateVector(Y.encodeStateVector(ctx.mirror))].filter(([, clock]) => clock > 0);
      if (!known.length) return { client: hostile.clientId, clock: 0 };
      const [client, clock] = known[Math.floor(rand() * known.length)];
      return { client, clock: Math.floor(rand() * clock) };
    }
    case 'random':
      return { client: Math.floor(rand() * 2 ** 32), clock: Math.floor(rand() * 1000) };
  }
}
