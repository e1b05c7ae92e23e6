/**
 * The two gates (read the update first, or apply it and read what Yjs integrated) must judge
 * every update alike, whatever a client sends. Here people with every role make random changes
 * — through the app's accessors and around them — on clients that are sometimes behind, to a
 * server doc that keeps every accepted change; `checkWithBothGates` fails on any disagreement
 * in the verdict, the claim writes or the claims as they were. GATES_SEED=<n> replays a run.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  claimsMap,
  createClaim,
  replyToClaim,
  setClaimStatus,
  updateClaim,
  writeMeta,
  type Actor,
  type ClaimInput,
  type ClaimStatus,
} from '@factdesk/shared';
import { checkWithBothGates, gatesCompared } from '../testing/both-gates.js';
import { seededRandom } from '../testing/fuzz-frames.js';
import type { ClientOwners } from './index.js';

const SEED = Number(process.env.GATES_SEED ?? 20261126);
const STEPS = 600;

const people: Actor[] = [
  { id: 'u-viewer', login: 'vera', name: 'Vera', role: 'viewer' },
  { id: 'u-ann', login: 'anna', name: 'Anna', role: 'annotator' },
  { id: 'u-other', login: 'otto', name: 'Otto', role: 'annotator' },
  { id: 'u-rev', login: 'rita', name: 'Rita', role: 'reviewer' },
  { id: 'u-admin', login: 'admin', name: 'Ada', role: 'admin' },
];
const ref = (a: Actor) => ({ id: a.id, name: a.name });
const input: ClaimInput = {
  target: { version: 1, quote: { exact: 'three-page document', prefix: 'was a ', suffix: ' calling' }, position: { start: 10, end: 29 } },
  verdict: 'true',
  rationale: 'Checked against the UN record.',
  sources: [{ url: 'https://press.un.org/en/2025/ga12685.doc.htm', title: 'UN press release' }],
};
const STATUSES: ClaimStatus[] = ['draft', 'in-review', 'approved', 'changes-requested'];

type Op = (doc: Y.Doc, actor: Actor, pick: <T>(list: readonly T[]) => T) => void;

const claimIds = (doc: Y.Doc) => [...claimsMap(doc).keys()];
const claimOf = (doc: Y.Doc, pick: <T>(list: readonly T[]) => T) => {
  const ids = claimIds(doc);
  const id = ids.length ? pick(ids) : createClaim(doc, { id: 'u-other', name: 'Otto' }, input);
  const map = claimsMap(doc).get(id);
  return { id, map: map instanceof Y.Map ? (map as Y.Map<unknown>) : null };
};
const listIn = (map: Y.Map<unknown> | null, key: string) => {
  const value = map?.get(key);
  return value instanceof Y.Array ? value : null;
};
const entry = (by: Actor, action = 'edited') => ({ at: new Date().toISOString(), by: ref(by), action, fields: ['rationale'] });

/** What a client may do, with the app's accessors or around them. */
const OPS: Op[] = [
  (doc, a) => void createClaim(doc, ref(a), input),
  (doc, a, pick) => void createClaim(doc, ref(pick(people)), input),
  (doc, a, pick) => {
    const { id, map } = claimOf(doc, pick);
    // The app's accessors append to the history: not on a claim an earlier op of this step broke.
    if (listIn(map, 'history')) updateClaim(doc, id, pick([{ rationale: `why ${Math.round(Math.random() * 1e6)}` }, { verdict: 'false' }, { sources: [] }, { tags: ['x'] }]));
  },
  (doc, a, pick) => {
    const { id, map } = claimOf(doc, pick);
    const status = pick(STATUSES);
    const review = { decision: status === 'approved' ? ('approved' as const) : ('changes-requested' as const), reviewer: ref(a), at: new Date().toISOString(), comment: 'Seen.' };
    if (listIn(map, 'history')) setClaimStatus(doc, id, status, ref(a), { action: status === 'in-review' ? 'submitted' : 'approved' }, pick([undefined, review]));
  },
  (doc, _a, pick) => void claimsMap(doc).delete(claimOf(doc, pick).id),
  (doc, a, pick) => claimOf(doc, pick).map?.set(pick(['author', 'status', 'review', 'unknown', 'updatedAt', 'target']), pick([ref(a), 'approved', null, 42, 'x', { nested: true }])),
  (doc, a, pick) => claimOf(doc, pick).map?.delete(pick(['rationale', 'history', 'thread', 'author', 'tags'])),
  (doc, a, pick) => listIn(claimOf(doc, pick).map, 'history')?.push([entry(pick([a, ...people]))]),
  (doc, a, pick) => listIn(claimOf(doc, pick).map, 'history')?.insert(0, [entry(a)]),
  (doc, _a, pick) => {
    const history = listIn(claimOf(doc, pick).map, 'history');
    if (history && history.length > 0) history.delete(0, 1);
  },
  (doc, a, pick) => {
    const { id, map } = claimOf(doc, pick);
    if (map?.get('thread') instanceof Y.Map) replyToClaim(doc, id, ref(pick([a, a, ...people])), 'A question?');
  },
  (doc, _a, pick) => {
    const thread = claimOf(doc, pick).map?.get('thread');
    if (thread instanceof Y.Map && thread.size > 0) thread.delete(pick([...thread.keys()]));
  },
  (doc, _a, pick) => claimOf(doc, pick).map?.set(pick(['history', 'thread', 'rationale']), pick([new Y.Array(), new Y.Map()])),
  (doc, _a, pick) => pick([() => writeMeta(doc, { title: 'Forged' }), () => doc.getMap('article').set('v9', {}), () => doc.getMap('elsewhere').set('x', 1)])(),
  (doc, _a, pick) => claimsMap(doc).set(pick(['c-forged', ...claimIds(doc)]), 'not a claim' as never),
];

describe('the two gates', () => {
  it(`judge ${STEPS} random changes by every role alike, on clients in step and behind (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const server = new Y.Doc();
    writeMeta(server, { title: 'Article', currentVersion: 1 });
    for (const a of people.slice(1)) createClaim(server, ref(a), input);
    const owners: ClientOwners = new Map();
    const clients = new Map<Actor, Y.Doc>();
    const verdicts = { accepted: 0, refused: 0 };
    const compared = gatesCompared.both;

    for (let step = 0; step < STEPS; step++) {
      const actor = pick(people);
      let client = clients.get(actor);
      // A client in step with the server most of the time, sometimes behind.
      if (!client || random() < 0.8) {
        client ??= new Y.Doc();
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
      }
      clients.set(actor, client);
      const updates: Uint8Array[] = [];
      const collect = (u: Uint8Array) => updates.push(u);
      client.on('update', collect);
      const ops = 1 + Math.floor(random() * 2);
      for (let i = 0; i < ops; i++) pick(OPS)(client, actor, pick);
      client.off('update', collect);
      if (updates.length === 0) continue;

      const check = checkWithBothGates(server, Y.mergeUpdates(updates), actor, owners);
      if (check.ok) {
        Y.applyUpdate(server, Y.mergeUpdates(updates));
        for (const c of check.clients) owners.set(c, actor.id);
        verdicts.accepted++;
      } else {
        // As the app does on a refusal: a fresh doc, with a new client id.
        clients.delete(actor);
        verdicts.refused++;
      }
    }
    expect(verdicts.accepted).toBeGreaterThan(30); // 58–81 in a dozen runs (client ids are random)
    expect(verdicts.refused).toBeGreaterThan(50);
    expect(gatesCompared.both - compared).toBeGreaterThan(STEPS / 2);
  });
});
