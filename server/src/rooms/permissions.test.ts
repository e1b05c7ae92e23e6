/**
 * Role × action on the real server with raw y-websocket clients that write the Y.Doc
 * directly, bypassing the UI: an allowed change reaches a second client and survives a
 * restart; a forbidden one reaches nobody, is not in the database after a restart, and its
 * sender is told why and stays in sync. A client writes content only: every hand-made
 * forgery of what the server certifies (status, review, history, times, thread resolution,
 * unknown keys) is refused for every role, and the review steps are the server's own
 * requests, allowed for the roles the rules name and refused for the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createClaim,
  listClaims,
  readClaim,
  readMeta,
  setClaimStatus,
  updateClaim,
  type Claim,
  writeMeta,
  type Actor,
  type ClaimInput,
} from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { requestThreadResolution, requestTransition, transitionOrThrow } from '../testing/claim-requests.js';

const DOC = 'us-russia-un-resolution';
type Person = { token: string; user: Actor };
const ref = (p: Person) => ({ id: p.user.id, name: p.user.name });
const input = (rationale: string): ClaimInput => ({
  target: { version: 1, quote: { exact: 'three-page document', prefix: '', suffix: '' }, position: { start: 100, end: 119 } },
  verdict: 'true',
  rationale,
  sources: [],
});
const withRationale = (text: string) => (doc: Y.Doc) => listClaims(doc).some((c) => c.rationale === text);
const claimMap = (doc: Y.Doc, id: string) => doc.getMap('annotations').get(id) as Y.Map<unknown>;
const historyOf = (doc: Y.Doc, id: string) => claimMap(doc, id).get('history') as Y.Array<unknown>;
const claimIn = (doc: Y.Doc, id: string): Claim | null => readClaim(doc, id);
const LONG_AGO = '2001-01-01T00:00:00.000Z';
const BIG = 'x'.repeat(900_000);

let server: ServerUnderTest;
let people: Record<'anna' | 'otto' | 'rita' | 'vera' | 'admin', Person>;
let observer: CollabClient;
const clients = new Map<string, CollabClient>();
/** Claims made in setup, by name. */
const ids: Record<string, string> = {};

async function clientOf(name: keyof typeof people): Promise<CollabClient> {
  let client = clients.get(name);
  if (!client) {
    client = connectCollab(server.url, DOC, people[name].token);
    clients.set(name, client);
    await client.synced();
  }
  return client;
}

interface Row {
  name: string;
  who: keyof typeof people;
  change: (doc: Y.Doc, me: Person) => void;
  /** True when the change is visible in a doc. */
  visible: (doc: Y.Doc) => boolean;
  allowed: boolean;
}

const rows: Row[] = [
  { name: 'an annotator creates a claim', who: 'anna', change: (d, me) => createClaim(d, ref(me), input('anna-1')), visible: withRationale('anna-1'), allowed: true },
  { name: 'a viewer cannot create a claim', who: 'vera', change: (d, me) => createClaim(d, ref(me), input('vera-1')), visible: withRationale('vera-1'), allowed: false },
  {
    name: 'an annotator edits their own claim', who: 'otto',
    change: (d) => updateClaim(d, ids.ottoDraft, { rationale: 'otto-edited' }), visible: withRationale('otto-edited'), allowed: true,
  },
  {
    name: "an annotator cannot edit another person's claim", who: 'anna',
    change: (d) => updateClaim(d, ids.ottoDraft, { rationale: 'anna-was-here' }), visible: withRationale('anna-was-here'), allowed: false,
  },
  {
    name: "an annotator cannot delete another person's claim", who: 'anna',
    change: (d) => d.getMap('annotations').delete(ids.ottoDraft), visible: (d) => !readClaim(d, ids.ottoDraft), allowed: false,
  },
  {
    name: 'an annotator deletes their own claim', who: 'otto',
    change: (d) => d.getMap('annotations').delete(ids.ottoSpare), visible: (d) => !readClaim(d, ids.ottoSpare), allowed: true,
  },
  {
    name: "an annotator cannot change the status of another person's claim", who: 'anna',
    change: (d, me) => setClaimStatus(d, ids.ottoDraft, 'in-review', ref(me), { action: 'submitted' }),
    visible: (d) => readClaim(d, ids.ottoDraft)?.status === 'in-review', allowed: false,
  },
  {
    name: 'an annotator cannot write review fields', who: 'anna',
    change: (d, me) => setClaimStatus(d, ids.ottoInReview, 'approved', ref(me), { action: 'approved' }, { decision: 'approved', reviewer: ref(me), at: new Date().toISOString(), comment: '' }),
    visible: (d) => readClaim(d, ids.ottoInReview)?.review?.reviewer.id === people.anna.user.id, allowed: false,
  },
  {
    name: 'a reviewer cannot approve a claim they wrote', who: 'rita',
    change: (d, me) => setClaimStatus(d, ids.ritaInReview, 'approved', ref(me), { action: 'approved' }, { decision: 'approved', reviewer: ref(me), at: new Date().toISOString(), comment: '' }),
    visible: (d) => readClaim(d, ids.ritaInReview)?.status === 'approved', allowed: false,
  },
  {
    name: "a reviewer cannot approve another person's claim by writing its status", who: 'rita',
    change: (d, me) => setClaimStatus(d, ids.ottoInReview, 'approved', ref(me), { action: 'approved' }, { decision: 'approved', reviewer: ref(me), at: new Date().toISOString(), comment: '' }),
    visible: (d) => readClaim(d, ids.ottoInReview)?.status === 'approved', allowed: false,
  },
  {
    name: 'an annotator cannot forge the author of a claim', who: 'anna',
    change: (d) => createClaim(d, ref(people.otto), input('forged-author')), visible: withRationale('forged-author'), allowed: false,
  },
  {
    name: 'nobody but the server writes the article metadata', who: 'admin',
    change: (d) => writeMeta(d, { title: 'Forged title' }), visible: (d) => readMeta(d).title === 'Forged title', allowed: false,
  },
  {
    name: 'nobody but the server writes the article text', who: 'admin',
    change: (d) => d.getMap('article').set('v1', { forged: true }), visible: (d) => (d.getMap('article').get('v1') as { forged?: boolean }).forged === true, allowed: false,
  },
  {
    name: "an admin edits another person's claim", who: 'admin',
    change: (d) => updateClaim(d, ids.ottoForAdmin, { rationale: 'admin-edited' }), visible: withRationale('admin-edited'), allowed: true,
  },
];

/** The claim a forger works on: their own in review (a viewer has none: Otto's). */
const ownClaim = (who: keyof typeof people) => (who === 'vera' ? ids.ottoInReview : ids[`${who}InReview`]);

/** Hand-made writes of what only the server writes; each is refused for every role. */
const forgeries: { name: string; change: (d: Y.Doc, me: Person, own: string) => void; visible: (d: Y.Doc, me: Person, own: string) => boolean }[] = [
  {
    name: 'cannot write the status of a claim',
    change: (d, _me, own) => claimMap(d, own).set('status', 'draft'),
    visible: (d, _me, own) => claimIn(d, own)?.status === 'draft',
  },
  {
    name: 'cannot clear the review of a claim sent back for changes (review: null)',
    change: (d) => claimMap(d, ids.ottoChangesRequested).set('review', null),
    visible: (d) => claimIn(d, ids.ottoChangesRequested)?.review === null,
  },
  {
    name: "cannot append an \"approved\" history entry to another person's claim",
    change: (d, me) => historyOf(d, ids.ottoInReview).push([{ at: new Date().toISOString(), by: ref(me), action: 'approved' }]),
    visible: (d, me) => !!claimIn(d, ids.ottoInReview)?.history.some((h) => h.action === 'approved' && h.by.id === me.user.id),
  },
  {
    name: 'cannot insert a history entry in the middle of the history',
    change: (d, me, own) => historyOf(d, own).insert(1, [{ at: LONG_AGO, by: ref(me), action: 'edited', note: 'forged-middle' }]),
    visible: (d, _me, own) => !!claimIn(d, own)?.history.some((h) => h.note === 'forged-middle'),
  },
  {
    name: 'cannot delete a history entry',
    change: (d, _me, own) => historyOf(d, own).delete(0, 1),
    visible: (d, _me, own) => claimIn(d, own)?.history[0]?.action !== 'created',
  },
  {
    name: 'cannot write when a claim was last changed (updatedAt)',
    change: (d, _me, own) => claimMap(d, own).set('updatedAt', LONG_AGO),
    visible: (d, _me, own) => claimIn(d, own)?.updatedAt === LONG_AGO,
  },
  {
    name: 'cannot write when a claim was created (createdAt)',
    change: (d, _me, own) => claimMap(d, own).set('createdAt', LONG_AGO),
    visible: (d, _me, own) => claimIn(d, own)?.createdAt === LONG_AGO,
  },
  {
    name: 'cannot resolve a thread by writing it',
    change: (d, me, own) => claimMap(d, own).set('threadResolved', { by: ref(me), at: new Date().toISOString() }),
    visible: (d, _me, own) => !!claimIn(d, own)?.threadResolved,
  },
  {
    name: 'cannot write the earlier targets of a claim',
    change: (d, _me, own) => claimMap(d, own).set('pastTargets', [input('').target]),
    visible: (d, _me, own) => (claimIn(d, own)?.pastTargets ?? []).length > 0,
  },
  {
    name: 'cannot store 900 kB under an unknown key',
    change: (d, _me, own) => claimMap(d, own).set('notes', BIG),
    visible: (d, _me, own) => claimMap(d, own).has('notes'),
  },
  {
    name: 'cannot store 900 kB under "__proto__"',
    change: (d, _me, own) => claimMap(d, own).set('__proto__', BIG),
    visible: (d, _me, own) => claimMap(d, own).has('__proto__'),
  },
  {
    name: 'cannot store 900 kB under "toString"',
    change: (d, _me, own) => claimMap(d, own).set('toString', BIG),
    visible: (d, _me, own) => claimMap(d, own).has('toString'),
  },
  {
    name: 'cannot create a claim that is already in review',
    change: (d, me) => d.transact(() => claimMap(d, createClaim(d, ref(me), input(`born-in-review-${me.user.id}`))).set('status', 'in-review')),
    visible: (d, me) => withRationale(`born-in-review-${me.user.id}`)(d),
  },
  {
    name: 'cannot create a claim with its own history',
    change: (d, me) =>
      d.transact(() => {
        const id = createClaim(d, ref(me), input(`born-approved-${me.user.id}`));
        historyOf(d, id).push([{ at: new Date().toISOString(), by: ref(me), action: 'approved' }]);
      }),
    visible: (d, me) => withRationale(`born-approved-${me.user.id}`)(d),
  },
];

for (const who of ['vera', 'anna', 'rita', 'admin'] as const) {
  for (const forgery of forgeries) {
    rows.push({
      name: `${who === 'vera' ? 'a viewer' : who === 'anna' ? 'an annotator' : who === 'rita' ? 'a reviewer' : 'an admin'} ${forgery.name}`,
      who,
      change: (d, me) => forgery.change(d, me, ownClaim(who)),
      visible: (d) => forgery.visible(d, people[who], ownClaim(who)),
      allowed: false,
    });
  }
}

beforeAll(async () => {
  server = await startServerUnderTest();
  people = {
    anna: await server.addPerson('anna', 'annotator'),
    otto: await server.addPerson('otto', 'annotator'),
    rita: await server.addPerson('rita', 'reviewer'),
    vera: await server.addPerson('vera', 'viewer'),
    admin: await server.signIn('admin', (await import('../testing/server-under-test.js')).ADMIN_PASSWORD),
  };
  observer = connectCollab(server.url, DOC, people.admin.token);
  await observer.synced();
  const otto = await clientOf('otto');
  ids.ottoDraft = createClaim(otto.doc, ref(people.otto), input('otto-draft'));
  ids.ottoSpare = createClaim(otto.doc, ref(people.otto), input('otto-spare'));
  ids.ottoForAdmin = createClaim(otto.doc, ref(people.otto), input('otto-for-admin'));
  ids.ottoInReview = createClaim(otto.doc, ref(people.otto), input('otto-in-review'));
  ids.ottoChangesRequested = createClaim(otto.doc, ref(people.otto), input('otto-changes-requested'));
  for (const name of ['anna', 'rita', 'admin'] as const) {
    ids[`${name}InReview`] = createClaim((await clientOf(name)).doc, ref(people[name]), input(`${name}-in-review`));
  }
  // Stamped by the server once it accepted each creation: only then can they move.
  await observer.until((d) => ['ottoInReview', 'ottoChangesRequested', 'annaInReview', 'ritaInReview', 'adminInReview'].every((k) => !!readClaim(d, ids[k])?.createdAt));
  await submit('otto', ids.ottoInReview);
  await submit('otto', ids.ottoChangesRequested);
  await transitionOrThrow(server.url, people.rita.token, DOC, ids.ottoChangesRequested, 'request-changes', 'Add a source.');
  for (const name of ['anna', 'rita', 'admin'] as const) await submit(name, ids[`${name}InReview`]);
  const settled = (d: Y.Doc) => readClaim(d, ids.ottoChangesRequested)?.status === 'changes-requested' && readClaim(d, ids.adminInReview)?.status === 'in-review';
  await observer.until(settled);
  for (const name of ['anna', 'rita', 'vera', 'admin'] as const) await (await clientOf(name)).until(settled);
});

function submit(who: keyof typeof people, claimId: string): Promise<void> {
  return transitionOrThrow(server.url, people[who].token, DOC, claimId, 'submit');
}

afterAll(async () => {
  observer?.destroy();
  for (const c of clients.values()) c.destroy();
  await server?.dispose();
});

describe('review steps are requests the server checks and writes', () => {
  /** Claims for these steps, by name: Otto's unless named otherwise. */
  const t: Record<string, string> = {};
  const steps: { name: string; who: keyof typeof people | null; claim: string; action: string; comment?: string; status: number; then?: Claim['status'] }[] = [
    { name: 'an annotator submits their own draft', who: 'otto', claim: 'submitted', action: 'submit', status: 200, then: 'in-review' },
    { name: 'submitting a claim already in review is a conflict', who: 'otto', claim: 'submitted', action: 'submit', status: 409 },
    { name: "an annotator cannot submit another person's draft", who: 'anna', claim: 'draft', action: 'submit', status: 403 },
    { name: 'a viewer cannot submit a claim', who: 'vera', claim: 'draft', action: 'submit', status: 403 },
    { name: 'nobody signed out takes a step', who: null, claim: 'draft', action: 'submit', status: 401 },
    { name: 'a step on a claim that does not exist is not found', who: 'otto', claim: 'missing', action: 'submit', status: 404 },
    { name: 'an unknown step is a bad request', who: 'otto', claim: 'draft', action: 'publish', status: 400 },
    { name: 'an annotator cannot approve', who: 'anna', claim: 'submitted', action: 'approve', status: 403 },
    { name: 'a viewer cannot approve', who: 'vera', claim: 'submitted', action: 'approve', status: 403 },
    { name: 'a reviewer cannot approve a claim they wrote (two-person rule)', who: 'rita', claim: 'ritas', action: 'approve', status: 403 },
    { name: 'an admin cannot approve a claim they wrote (two-person rule)', who: 'admin', claim: 'admins', action: 'approve', status: 403 },
    { name: "a reviewer approves another person's claim", who: 'rita', claim: 'submitted', action: 'approve', status: 200, then: 'approved' },
    { name: 'approving a claim already signed off is a conflict', who: 'admin', claim: 'submitted', action: 'approve', status: 409 },
    { name: "an annotator cannot reopen another person's signed-off claim", who: 'anna', claim: 'submitted', action: 'reopen', status: 403 },
    { name: 'the author reopens their signed-off claim', who: 'otto', claim: 'submitted', action: 'reopen', status: 200, then: 'in-review' },
    { name: 'a request for changes needs a comment', who: 'rita', claim: 'submitted', action: 'request-changes', comment: '  ', status: 400 },
    { name: "an annotator cannot request changes", who: 'anna', claim: 'submitted', action: 'request-changes', comment: 'No.', status: 403 },
    { name: 'a reviewer requests changes with a comment', who: 'rita', claim: 'submitted', action: 'request-changes', comment: 'Add a source.', status: 200, then: 'changes-requested' },
    { name: 'the author resubmits after changes were requested', who: 'otto', claim: 'submitted', action: 'submit', status: 200, then: 'in-review' },
    { name: "an annotator cannot withdraw another person's claim from review", who: 'anna', claim: 'submitted', action: 'withdraw', status: 403 },
    { name: 'the author withdraws their claim from review', who: 'otto', claim: 'submitted', action: 'withdraw', status: 200, then: 'draft' },
    { name: "an admin approves another person's claim", who: 'admin', claim: 'annas', action: 'approve', status: 200, then: 'approved' },
  ];

  beforeAll(async () => {
    const otto = await clientOf('otto');
    t.draft = createClaim(otto.doc, ref(people.otto), input('steps-draft'));
    t.submitted = createClaim(otto.doc, ref(people.otto), input('steps-submitted'));
    t.ritas = createClaim((await clientOf('rita')).doc, ref(people.rita), input('steps-ritas'));
    t.admins = createClaim((await clientOf('admin')).doc, ref(people.admin), input('steps-admins'));
    t.annas = createClaim((await clientOf('anna')).doc, ref(people.anna), input('steps-annas'));
    t.missing = 'no-such-claim';
    await observer.until((d) => ['draft', 'submitted', 'ritas', 'admins', 'annas'].every((k) => !!readClaim(d, t[k])?.createdAt));
    for (const [who, claim] of [['rita', t.ritas], ['admin', t.admins], ['anna', t.annas]] as const) await submit(who, claim);
  });

  it.each(steps.map((s) => [s.name, s] as const))('%s', async (_name, step) => {
    const token = step.who ? people[step.who].token : null;
    const before = readClaim(observer.doc, t[step.claim]);
    const answer = await requestTransition(server.url, token, DOC, t[step.claim], step.action, step.comment);
    expect([answer.status, answer.body.error]).toEqual([step.status, step.status === 200 ? undefined : expect.stringMatching(/\w.*\.$/)]);
    if (step.status !== 200) {
      // Nothing was written: the server's copy, as a fresh request reads it, is what it was.
      expect(readClaim(observer.doc, t[step.claim])?.history.length).toBe(before?.history.length);
      return;
    }
    const claim = answer.body.claim as Claim;
    const me = ref(people[step.who!]);
    expect(claim.status).toBe(step.then);
    const entry = claim.history.at(-1)!;
    expect(entry.by).toEqual(me);
    expect(claim.updatedAt).toBe(entry.at);
    if (step.action === 'approve' || step.action === 'request-changes') {
      expect(claim.review).toEqual({ decision: step.then, reviewer: me, at: entry.at, comment: step.comment ?? '' });
    }
    await observer.until((d) => readClaim(d, t[step.claim])?.history.length === claim.history.length);
    expect(readClaim(observer.doc, t[step.claim])).toMatchObject({ status: step.then, updatedAt: entry.at });
  });

  it('an annotator resolves a thread through the server, in their own name, and a viewer cannot', async () => {
    expect((await requestThreadResolution(server.url, people.vera.token, DOC, t.draft, true)).status).toBe(403);
    const answer = await requestThreadResolution(server.url, people.anna.token, DOC, t.draft, true);
    expect(answer.status).toBe(200);
    expect((answer.body.claim as Claim).threadResolved?.by).toEqual(ref(people.anna));
    expect((await requestThreadResolution(server.url, people.anna.token, DOC, t.draft, true)).status).toBe(409);
    await observer.until((d) => readClaim(d, t.draft)?.threadResolved?.by.id === people.anna.user.id);
    expect((await requestThreadResolution(server.url, people.otto.token, DOC, t.draft, false)).status).toBe(200);
    await observer.until((d) => readClaim(d, t.draft)?.threadResolved === null);
  });

  it("the server stamps a new claim and records an edit in the editor's name", async () => {
    const otto = await clientOf('otto');
    const id = createClaim(otto.doc, ref(people.otto), input('stamped'));
    await observer.until((d) => !!readClaim(d, id)?.createdAt);
    const created = readClaim(observer.doc, id)!;
    expect(created).toMatchObject({ status: 'draft', review: null, updatedAt: created.createdAt });
    expect(created.history).toEqual([{ at: created.createdAt, by: ref(people.otto), action: 'created' }]);
    const admin = await clientOf('admin');
    await admin.until((d) => !!readClaim(d, id)?.createdAt);
    updateClaim(admin.doc, id, { rationale: 'stamped, then edited', verdict: 'false' });
    await observer.until((d) => readClaim(d, id)?.history.length === 2);
    const edited = readClaim(observer.doc, id)!;
    expect(edited.history[1]).toEqual({ at: edited.updatedAt, by: ref(people.admin), action: 'edited', fields: ['rationale', 'verdict'] });
  });
});

describe('permissions on every CRDT update', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const sender = await clientOf(row.who);
    const rejectionsBefore = sender.rejections.length;
    row.change(sender.doc, people[row.who]);
    if (row.allowed) {
      await observer.until(row.visible);
      expect(sender.rejections.length).toBe(rejectionsBefore);
      return;
    }
    await sender.until(() => sender.rejections.length > rejectionsBefore);
    // A readable reason, shown as "Your change was not saved: <reason>".
    expect(sender.rejections.at(-1)).toMatch(/^[a-z].* \w+/);
    // The sender dropped the refused change and stays in sync: it sees the server's state again…
    await sender.synced();
    await sender.until((d) => !row.visible(d));
    // …and a later change from elsewhere reaches it, as does a later allowed change of its own.
    const marker = `after-${row.who}-${sender.rejections.length}`;
    createClaim(observer.doc, ref(people.admin), input(marker));
    await sender.until(withRationale(marker));
    if (row.who !== 'vera') {
      const own = `own-${marker}`;
      createClaim(sender.doc, ref(people[row.who]), input(own));
      // Whatever the server had relayed of the refused change would have come before this.
      await observer.until(withRationale(own));
    }
    expect(row.visible(observer.doc)).toBe(false);
  });

  it('keeps every allowed change and none of the forbidden ones across a restart', async () => {
    observer.destroy();
    for (const c of clients.values()) c.destroy();
    clients.clear();
    server = await server.restart();
    const fresh = connectCollab(server.url, DOC, people.admin.token);
    try {
      await fresh.synced();
      await fresh.until((d) => listClaims(d).length > 0);
      for (const row of rows) expect([row.name, row.visible(fresh.doc)]).toEqual([row.name, row.allowed]);
    } finally {
      fresh.destroy();
    }
  });
});
