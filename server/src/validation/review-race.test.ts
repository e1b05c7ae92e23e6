/**
 * The review workflow on the real server with raw y-websocket clients and the server's review
 * requests: a change made offline to a claim that was approved in the meantime is accepted and
 * sends the claim back to review with a history entry; every change gets its entry from the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { claimsMap, createClaim, personRef, readClaim, updateClaim, type Actor } from '@factdesk/shared';
import { transitionOrThrow } from '../testing/claim-requests.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const DOC = 'bridge';
const target = { version: 1, quote: { exact: 'Bridge', prefix: '', suffix: '' }, position: { start: 0, end: 6 } };

let server: TestServer;
let anna: { actor: Actor; client: CollabClient; token: string };
let rita: { actor: Actor; client: CollabClient; token: string };

async function person(login: string, role: Actor['role']) {
  const { id, token } = await server.addUser(login, role);
  const client = connectCollab(server.url, DOC, token);
  await client.synced();
  return { actor: { id, login, name: login, role } as Actor, client, token };
}

beforeAll(async () => {
  server = await startTestServer({ seeds: { 'bridge.txt': 'Bridge reopens\nThe bridge reopens on Monday.' } });
  anna = await person('anna', 'annotator');
  rita = await person('rita', 'reviewer');
});
afterAll(async () => {
  anna?.client.destroy();
  rita?.client.destroy();
  await server?.close();
});

describe('the review race', () => {
  it('accepts an offline edit to a claim approved meanwhile, and puts the claim back in review with a history entry', async () => {
    const me = personRef(anna.actor);
    const id = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'Reopens Monday.', sources: [] });
    await anna.client.until((doc) => !!readClaim(doc, id)?.createdAt);
    await transitionOrThrow(server.url, anna.token, DOC, id, 'submit');
    await anna.client.until((doc) => readClaim(doc, id)?.status === 'in-review');

    anna.client.provider.disconnect();
    updateClaim(anna.client.doc, id, { rationale: 'Reopens Monday, says the council.' });
    await transitionOrThrow(server.url, rita.token, DOC, id, 'approve');

    anna.client.provider.connect();
    await rita.client.until((doc) => readClaim(doc, id)?.rationale === 'Reopens Monday, says the council.');
    await rita.client.until((doc) => readClaim(doc, id)?.status === 'in-review');
    await anna.client.until((doc) => readClaim(doc, id)?.status === 'in-review');

    expect(anna.client.rejections).toEqual([]);
    const history = readClaim(rita.client.doc, id)!.history;
    // The server writes every entry, so they come in the order it took the changes.
    expect(history.map((e) => e.action)).toEqual(['created', 'submitted', 'approved', 'edited', 'reopened']);
    expect(history[3]).toMatchObject({ by: me, fields: ['rationale'] });
    expect(history.at(-1)).toMatchObject({ by: { id: 'factdesk' }, fields: ['rationale'], note: expect.stringContaining('after sign-off') });
  });
});

describe('the history of every change', () => {
  it('gets an entry in the name of whoever changed the rationale', async () => {
    const me = personRef(anna.actor);
    const id = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'First.', sources: [] });
    (claimsMap(anna.client.doc).get(id) as Y.Map<unknown>).set('rationale', 'Second.');
    await rita.client.until((doc) => readClaim(doc, id)?.history.length === 2);
    expect(readClaim(rita.client.doc, id)!.history.at(-1)).toMatchObject({ action: 'edited', fields: ['rationale'], by: me });
  });

  it('refuses a status moved by the client itself, and the claim stays a draft', async () => {
    const me = personRef(anna.actor);
    const id = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'Status only.', sources: [] });
    await rita.client.until((doc) => !!readClaim(doc, id)?.createdAt);
    const refusals = anna.client.rejections.length;
    (claimsMap(anna.client.doc).get(id) as Y.Map<unknown>).set('status', 'in-review');
    await anna.client.until(() => anna.client.rejections.length > refusals);
    expect(anna.client.rejections.at(-1)).toMatch(/status of a claim is changed only by the server/);
    await anna.client.synced();
    await anna.client.until((doc) => readClaim(doc, id)?.status === 'draft');
    expect(readClaim(rita.client.doc, id)!.history.map((e) => e.action)).toEqual(['created']);
  });

  it('records one entry for each edit, written by the server', async () => {
    const me = personRef(anna.actor);
    const id = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'One.', sources: [] });
    await anna.client.until((doc) => !!readClaim(doc, id)?.createdAt);
    updateClaim(anna.client.doc, id, { verdict: 'false' });
    await rita.client.until((doc) => readClaim(doc, id)?.history.length === 2);
    const claim = readClaim(rita.client.doc, id)!;
    expect(claim.history.map((e) => e.action)).toEqual(['created', 'edited']);
    expect(claim.updatedAt).toBe(claim.history[1].at);
  });
});
