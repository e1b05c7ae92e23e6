/**
 * The review workflow on the real server with raw y-websocket clients: a change made offline
 * to a claim that was approved in the meantime is accepted and sends the claim back to review
 * with a history entry; and a change a script makes without a history entry still gets one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { claimsMap, createClaim, personRef, readClaim, setClaimStatus, updateClaim, type Actor } from '@factdesk/shared';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const DOC = 'bridge';
const target = { version: 1, quote: { exact: 'Bridge', prefix: '', suffix: '' }, position: { start: 0, end: 6 } };

let server: TestServer;
let anna: { actor: Actor; client: CollabClient };
let rita: { actor: Actor; client: CollabClient };

async function person(login: string, role: Actor['role']) {
  const { id, token } = await server.addUser(login, role);
  const client = connectCollab(server.url, DOC, token);
  await client.synced();
  return { actor: { id, login, name: login, role } as Actor, client };
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
    setClaimStatus(anna.client.doc, id, 'in-review', me, { action: 'submitted' });
    await rita.client.until((doc) => readClaim(doc, id)?.status === 'in-review');

    anna.client.provider.disconnect();
    updateClaim(anna.client.doc, id, me, { rationale: 'Reopens Monday, says the council.' });

    const reviewer = personRef(rita.actor);
    setClaimStatus(rita.client.doc, id, 'approved', reviewer, { action: 'approved' }, { decision: 'approved', reviewer, at: new Date().toISOString(), comment: '' });
    await new Promise((r) => setTimeout(r, 200));

    anna.client.provider.connect();
    await rita.client.until((doc) => readClaim(doc, id)?.rationale === 'Reopens Monday, says the council.');
    await rita.client.until((doc) => readClaim(doc, id)?.status === 'in-review');
    await anna.client.until((doc) => readClaim(doc, id)?.status === 'in-review');

    expect(anna.client.rejections).toEqual([]);
    const history = readClaim(rita.client.doc, id)!.history;
    const actions = history.map((e) => e.action);
    // The approval and the offline edit were appended concurrently: Yjs orders them by client id.
    expect(actions.slice(0, 2)).toEqual(['created', 'submitted']);
    expect([...actions.slice(2, 4)].sort()).toEqual(['approved', 'edited']);
    expect(actions[4]).toBe('reopened');
    expect(history.at(-1)).toMatchObject({ by: { id: 'factdesk' }, fields: ['rationale'], note: expect.stringContaining('after sign-off') });
  });
});

describe('the history of every change', () => {
  it('gets an entry in the name of whoever changed the rationale without writing one', async () => {
    const me = personRef(anna.actor);
    const id = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'First.', sources: [] });
    (claimsMap(anna.client.doc).get(id) as Y.Map<unknown>).set('rationale', 'Second, no entry.');
    await rita.client.until((doc) => readClaim(doc, id)?.history.length === 2);
    expect(readClaim(rita.client.doc, id)!.history.at(-1)).toMatchObject({ action: 'edited', fields: ['rationale'], by: me });
  });

  it('gets an entry when the status is moved without one', async () => {
    const me = personRef(anna.actor);
    const id = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'Status only.', sources: [] });
    (claimsMap(anna.client.doc).get(id) as Y.Map<unknown>).set('status', 'in-review');
    await rita.client.until((doc) => readClaim(doc, id)?.history.length === 2);
    expect(readClaim(rita.client.doc, id)!.history.at(-1)).toMatchObject({ action: 'submitted', by: me });
  });

  it('adds nothing when the change carries its own entry', async () => {
    const me = personRef(anna.actor);
    const id = createClaim(anna.client.doc, me, { target, verdict: 'true', rationale: 'One.', sources: [] });
    updateClaim(anna.client.doc, id, me, { verdict: 'false' });
    await rita.client.until((doc) => readClaim(doc, id)?.verdict === 'false');
    await new Promise((r) => setTimeout(r, 200));
    expect(readClaim(rita.client.doc, id)!.history.map((e) => e.action)).toEqual(['created', 'edited']);
  });
});
