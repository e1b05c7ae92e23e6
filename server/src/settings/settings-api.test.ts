/**
 * The two-person rule as an admin setting, on the real server: the API, the audit log, and
 * the review requests applying it to the very next approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaim, personRef, readClaim, type Actor, type Claim } from '@factdesk/shared';
import { requestTransition, transitionOrThrow } from '../testing/claim-requests.js';
import { connectCollab } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createAuditLog } from '../audit/audit-log.js';

const DOC = 'bridge';
const target = { version: 1, quote: { exact: 'Bridge', prefix: '', suffix: '' }, position: { start: 0, end: 6 } };

let server: TestServer;
let rita: { token: string; actor: Actor };
let annaToken: string;

beforeAll(async () => {
  server = await startTestServer({ seeds: { 'bridge.txt': 'Bridge reopens\nThe bridge reopens on Monday.' } });
  const added = await server.addUser('rita', 'reviewer');
  rita = { token: added.token, actor: { id: added.id, login: 'rita', name: 'rita', role: 'reviewer' } };
  annaToken = (await server.addUser('anna', 'annotator')).token;
});
afterAll(() => server?.close());

/** Rita writes a claim, submits it, and asks the server to approve it herself; resolves with the answer and the claim's status. */
async function ritaApprovesHerOwnClaim(): Promise<{ answer: number; error?: string; status: string | undefined }> {
  const client = connectCollab(server.url, DOC, rita.token);
  try {
    await client.synced();
    const id = createClaim(client.doc, personRef(rita.actor), { target, verdict: 'true', rationale: 'mine', sources: [] });
    await client.until((doc) => !!readClaim(doc, id)?.createdAt);
    await transitionOrThrow(server.url, rita.token, DOC, id, 'submit');
    const answer = await requestTransition(server.url, rita.token, DOC, id, 'approve');
    // A 200 carries the claim as the server wrote it; a refusal wrote nothing, so the copy here is still current.
    const claim = answer.status === 200 ? (answer.body.claim as Claim) : readClaim(client.doc, id);
    return { answer: answer.status, error: answer.body.error, status: claim?.status };
  } finally {
    client.destroy();
  }
}

describe('the workspace settings', () => {
  it('has the two-person rule on by default, readable by anyone signed in', async () => {
    const answer = await server.call('/api/settings', { token: annaToken });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ settings: { twoPersonRule: true } });
    expect((await server.call('/api/settings')).status).toBe(401);
  });

  it('can be changed by an admin only', async () => {
    const answer = await server.call('/api/settings', { method: 'PUT', token: rita.token, body: { twoPersonRule: false } });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatch(/admin/);
  });

  it('refuses settings it does not know and values of the wrong type', async () => {
    const admin = await server.adminToken();
    expect((await server.call('/api/settings', { method: 'PUT', token: admin, body: { twoPersonRule: 'no' } })).status).toBe(400);
    expect((await server.call('/api/settings', { method: 'PUT', token: admin, body: { scale: 'x' } })).status).toBe(400);
  });

  it('keeps a reviewer from approving their own claim while the rule is on', async () => {
    expect(await ritaApprovesHerOwnClaim()).toEqual({ answer: 403, error: 'A reviewer cannot approve or reject a claim they wrote.', status: 'in-review' });
  });

  it('lets a reviewer approve their own claim on the next request once an admin turns the rule off, and audits it', async () => {
    const admin = await server.adminToken();
    const answer = await server.call('/api/settings', { method: 'PUT', token: admin, body: { twoPersonRule: false } });
    expect(answer.body).toEqual({ settings: { twoPersonRule: false } });
    expect((await server.call('/api/settings', { token: annaToken })).body.settings.twoPersonRule).toBe(false);

    expect(await ritaApprovesHerOwnClaim()).toEqual({ answer: 200, error: undefined, status: 'approved' });
    expect(createAuditLog(server.server.db).latest(5).find((e) => e.action === 'claim.approve')?.detail).toMatchObject({ documentId: DOC, from: 'in-review', to: 'approved' });

    const entry = createAuditLog(server.server.db).latest(5).find((e) => e.action === 'settings.changed');
    expect(entry?.detail).toEqual({ twoPersonRule: { from: true, to: false } });
  });

  it('keeps the setting across a restart', async () => {
    const admin = await server.adminToken();
    await server.call('/api/settings', { method: 'PUT', token: admin, body: { twoPersonRule: false } });
    const again = await startTestServer({ dataDir: server.dataDir, config: {} });
    try {
      expect((await again.call('/api/settings', { token: await again.adminToken() })).body.settings.twoPersonRule).toBe(false);
    } finally {
      await again.close();
    }
  });
});
