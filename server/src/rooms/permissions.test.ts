/**
 * Role × action on the real server with raw y-websocket clients that write the Y.Doc
 * directly, bypassing the UI: an allowed change reaches a second client and survives a
 * restart; a forbidden one reaches nobody, is not in the database after a restart, and its
 * sender is told why and stays in sync.
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
  writeMeta,
  type Actor,
  type ClaimInput,
} from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';

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
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    change: (d, me) => updateClaim(d, ids.ottoDraft, ref(me), { rationale: 'otto-edited' }), visible: withRationale('otto-edited'), allowed: true,
  },
  {
    name: "an annotator cannot edit another person's claim", who: 'anna',
    change: (d, me) => updateClaim(d, ids.ottoDraft, ref(me), { rationale: 'anna-was-here' }), visible: withRationale('anna-was-here'), allowed: false,
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
    name: "a reviewer approves another person's claim", who: 'rita',
    change: (d, me) => setClaimStatus(d, ids.ottoInReview, 'approved', ref(me), { action: 'approved' }, { decision: 'approved', reviewer: ref(me), at: new Date().toISOString(), comment: '' }),
    visible: (d) => readClaim(d, ids.ottoInReview)?.status === 'approved', allowed: true,
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
    change: (d, me) => updateClaim(d, ids.ottoForAdmin, ref(me), { rationale: 'admin-edited' }), visible: withRationale('admin-edited'), allowed: true,
  },
];

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
  setClaimStatus(otto.doc, ids.ottoInReview, 'in-review', ref(people.otto), { action: 'submitted' });
  const rita = await clientOf('rita');
  ids.ritaInReview = createClaim(rita.doc, ref(people.rita), input('rita-in-review'));
  setClaimStatus(rita.doc, ids.ritaInReview, 'in-review', ref(people.rita), { action: 'submitted' });
  await observer.until((d) => readClaim(d, ids.ritaInReview)?.status === 'in-review' && readClaim(d, ids.ottoInReview)?.status === 'in-review');
  for (const name of ['anna', 'vera', 'admin'] as const) await (await clientOf(name)).until((d) => !!readClaim(d, ids.ritaInReview));
});

afterAll(async () => {
  observer?.destroy();
  for (const c of clients.values()) c.destroy();
  await server?.dispose();
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
    expect(sender.rejections.at(-1)).toMatch(/\w/);
    await pause(150);
    expect(row.visible(observer.doc)).toBe(false);
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
      await observer.until(withRationale(own));
    }
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
