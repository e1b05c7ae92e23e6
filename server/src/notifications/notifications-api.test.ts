/**
 * "For you" on the real server: people act through raw y-websocket clients, as the app does,
 * and each person reads their list over HTTP — review requests to reviewers, decisions to the
 * author, @mentions to whoever is named, never about one's own action, never to someone
 * deactivated; read marks; and a waiting request woken by a new notification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClaim,
  editComment,
  personRef,
  readClaim,
  replyToClaim,
  type Actor,
} from '@factdesk/shared';
import { transitionOrThrow } from '../testing/claim-requests.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const DOC = 'bridge';
const target = { version: 1, quote: { exact: 'Bridge', prefix: '', suffix: '' }, position: { start: 0, end: 6 } };

interface Person {
  actor: Actor;
  token: string;
  client: CollabClient;
}

let server: TestServer;
const people: Record<string, Person> = {};

async function add(login: string, role: Actor['role']): Promise<Person> {
  const { id, token } = await server.addUser(login, role);
  const client = connectCollab(server.url, DOC, token);
  await client.synced();
  return (people[login] = { actor: { id, login, name: login, role }, token, client });
}

async function forYou(login: string, query = '') {
  const answer = await server.call(`/api/notifications${query}`, { token: people[login].token });
  expect(answer.status).toBe(200);
  return answer.body as { notifications: { id: number; kind: string; claimId: string; by: { name: string }; text: string; decision?: string; documentTitle: string; quote: string; read: boolean }[]; unread: number; latest: number };
}

/** Waits until the server's copy (seen through `login`'s client) satisfies `predicate`, then a little for the listener. */
async function settle(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

let claimId: string;

beforeAll(async () => {
  server = await startTestServer({ seeds: { 'bridge.txt': 'Bridge reopens\nThe bridge reopens on Monday.' } });
  await add('anna', 'annotator');
  await add('otto', 'annotator');
  await add('rita', 'reviewer');
  await add('remy', 'reviewer');
  const gone = await add('gina', 'reviewer');
  const admin = await server.adminToken();
  gone.client.destroy();
  expect((await server.call(`/api/users/${gone.actor.id}`, { method: 'PATCH', token: admin, body: { active: false } })).status).toBe(200);
});

afterAll(async () => {
  for (const person of Object.values(people)) if (person.actor.login !== 'gina') person.client.destroy();
  await server?.close();
});

describe('For you', () => {
  it('tells every active reviewer, but not the author, that a claim was submitted for review', async () => {
    const anna = people.anna;
    const me = personRef(anna.actor);
    claimId = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'Reopens Monday.', sources: [] });
    await anna.client.until((doc) => !!readClaim(doc, claimId)?.createdAt);
    await transitionOrThrow(server.url, anna.token, DOC, claimId, 'submit');
    await settle(async () => (await forYou('rita')).notifications.length > 0);
    const rita = await forYou('rita');
    expect(rita.unread).toBe(1);
    expect(rita.notifications[0]).toMatchObject({ kind: 'review-request', claimId, by: { name: 'anna' }, documentTitle: 'Bridge reopens', quote: 'Bridge', read: false });
    expect((await forYou('remy')).notifications.map((n) => n.kind)).toEqual(['review-request']);
    expect((await forYou('anna')).notifications).toEqual([]);
    expect((await forYou('otto')).notifications).toEqual([]);
    const gina = await server.call('/api/notifications', { token: people.gina.token });
    expect(gina.status).toBe(401); // deactivated: signed out, and nothing was recorded for her
    const row = server.server.db.prepare('SELECT count(*) FROM notifications WHERE user_id = ?').pluck().get(people.gina.actor.id);
    expect(row).toBe(0);
  });

  it("tells the author of the reviewer's decision, with the reviewer's comment", async () => {
    const rita = people.rita;
    await rita.client.until((doc) => readClaim(doc, claimId)?.status === 'in-review');
    await transitionOrThrow(server.url, rita.token, DOC, claimId, 'request-changes', 'Add the council source.');
    await settle(async () => (await forYou('anna')).notifications.length > 0);
    expect((await forYou('anna')).notifications[0]).toMatchObject({ kind: 'decision', decision: 'changes-requested', by: { name: 'rita' }, text: 'Add the council source.' });
    expect((await forYou('rita')).notifications.filter((n) => n.kind === 'decision')).toEqual([]);
  });

  it('tells each person named with @login in a comment, once, and not the writer', async () => {
    const rita = people.rita;
    const commentId = replyToClaim(rita.client.doc, claimId, personRef(rita.actor), '@anna and @Otto: see the council page. @rita @nobody');
    await settle(async () => (await forYou('otto')).notifications.length > 0);
    expect((await forYou('otto')).notifications[0]).toMatchObject({ kind: 'mention', by: { name: 'rita' }, text: expect.stringContaining('council page') });
    expect((await forYou('anna')).notifications.map((n) => n.kind)).toEqual(['mention', 'decision']);
    expect((await forYou('rita')).notifications.some((n) => n.kind === 'mention')).toBe(false);

    editComment(rita.client.doc, claimId, commentId, personRef(rita.actor), '@anna and @otto: see the council page (edited).');
    await settle(async () => readClaim(people.otto.client.doc, claimId)?.thread[0]?.text.includes('edited') ?? false);
    await new Promise((r) => setTimeout(r, 200));
    expect((await forYou('otto')).notifications.length).toBe(1);
  });

  it('marks notifications read, one or all', async () => {
    const anna = await forYou('anna');
    expect(anna.unread).toBe(2);
    const one = await server.call('/api/notifications/read', { method: 'POST', token: people.anna.token, body: { ids: [anna.notifications[0].id] } });
    expect(one.body).toEqual({ unread: 1 });
    const all = await server.call('/api/notifications/read', { method: 'POST', token: people.anna.token, body: {} });
    expect(all.body).toEqual({ unread: 0 });
    expect((await forYou('anna')).notifications.every((n) => n.read)).toBe(true);
    const bad = await server.call('/api/notifications/read', { method: 'POST', token: people.anna.token, body: { ids: ['x'] } });
    expect(bad.status).toBe(400);
  });

  it("does not mark another person's notifications read", async () => {
    const rita = await forYou('rita');
    await server.call('/api/notifications/read', { method: 'POST', token: people.otto.token, body: { ids: rita.notifications.map((n) => n.id) } });
    expect((await forYou('rita')).unread).toBe(rita.unread);
  });

  it('holds a waiting request until a new notification arrives', async () => {
    const { latest } = await forYou('otto');
    const started = Date.now();
    const waiting = forYou('otto', `?after=${latest}&wait=10`);
    await new Promise((r) => setTimeout(r, 300));
    replyToClaim(people.anna.client.doc, claimId, personRef(people.anna.actor), 'Done, @otto.');
    const answer = await waiting;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer.latest).toBeGreaterThan(latest);
    expect(answer.notifications[0]).toMatchObject({ kind: 'mention', by: { name: 'anna' } });
  });

  it('answers a waiting request at once when it is already behind', async () => {
    const started = Date.now();
    await forYou('otto', '?after=0&wait=10');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
