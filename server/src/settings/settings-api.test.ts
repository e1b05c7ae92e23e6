/**
 * The two-person rule as an admin setting, on the real server: the API, the audit log, and
 * the rooms applying it to the very next update from a raw y-websocket client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaim, personRef, readClaim, setClaimStatus, type Actor } from '@factdesk/shared';
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

/** Rita writes a claim, submits it, and tries to approve it herself; resolves with the final status. */
async function ritaApprovesHerOwnClaim(): Promise<{ status: string | undefined; rejections: string[] }> {
  const client = connectCollab(server.url, DOC, rita.token);
  try {
    await client.synced();
    const me = personRef(rita.actor);
    const id = createClaim(client.doc, me, { target, verdict: 'true', rationale: 'mine', sources: [] });
    setClaimStatus(client.doc, id, 'in-review', me, { action: 'submitted' });
    const at = new Date().toISOString();
    setClaimStatus(client.doc, id, 'approved', me, { action: 'approved' }, { decision: 'approved', reviewer: me, at, comment: '' });
    const observer = connectCollab(server.url, DOC, annaToken);
    try {
      await observer.until((doc) => ['in-review', 'approved'].includes(readClaim(doc, id)?.status ?? ''));
      await new Promise((r) => setTimeout(r, 300));
      return { status: readClaim(observer.doc, id)?.status, rejections: [...client.rejections] };
    } finally {
      observer.destroy();
    }
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
    const outcome = await ritaApprovesHerOwnClaim();
    expect(outcome.status).toBe('in-review');
    expect(outcome.rejections.join()).toMatch(/cannot approve or reject a claim they wrote/);
  });

  it('lets a reviewer approve their own claim on the next update once an admin turns the rule off, and audits it', async () => {
    const admin = await server.adminToken();
    const answer = await server.call('/api/settings', { method: 'PUT', token: admin, body: { twoPersonRule: false } });
    expect(answer.body).toEqual({ settings: { twoPersonRule: false } });
    expect((await server.call('/api/settings', { token: annaToken })).body.settings.twoPersonRule).toBe(false);

    const outcome = await ritaApprovesHerOwnClaim();
    expect(outcome).toEqual({ status: 'approved', rejections: [] });

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
