/**
 * A session that ends ends everywhere: the sockets opened with it are closed with 4401 (which
 * makes y-websocket stop reconnecting) and nothing they send afterwards is stored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClaim, listClaims, type Actor } from '@factdesk/shared';
import { loadConfig } from '../config.js';
import { hashToken } from '../auth/sessions.js';
import { CLOSE } from '../rooms/index.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const DOC = 'us-russia-un-resolution';
const target = { version: 1, quote: { exact: 'surprising turn', prefix: '', suffix: '' }, position: { start: 10, end: 25 } };

describe('ending a session', () => {
  let t: TestServer;
  const clients: CollabClient[] = [];
  beforeEach(async () => {
    t = await startTestServer({ config: { seedsDir: loadConfig({}).seedsDir }, roomLimits: { sessionCheckMs: 50 } });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await t.close();
  });

  const connect = async (token: string) => {
    const client = connectCollab(t.url, DOC, token);
    clients.push(client);
    await client.synced();
    return client;
  };
  const person = async (login: string): Promise<{ user: Actor; token: string; password: string }> => {
    const { token, password } = await t.addUser(login, 'annotator');
    const me = await t.call('/api/me', { token });
    return { user: me.body.user, token, password };
  };
  const claimsSeenByAdmin = async () => listClaims((await connect(await t.adminToken())).doc);
  const writeClaim = (client: CollabClient, user: Actor, rationale: string) =>
    createClaim(client.doc, { id: user.id, name: user.name }, { target, verdict: 'mixed', rationale, sources: [] });

  it('closes the sockets of a session with 4401 at sign-out, and stores nothing sent after', async () => {
    const ann = await person('ann');
    const socket = await connect(ann.token);
    expect((await t.call('/api/session', { method: 'DELETE', token: ann.token })).status).toBe(200);
    writeClaim(socket, ann.user, 'sent after signing out');
    await vi.waitFor(() => expect(socket.closes).toContain(CLOSE.unauthorized));
    expect(await claimsSeenByAdmin()).toEqual([]);
  });

  it("leaves the same person's other sessions connected at sign-out", async () => {
    const ann = await person('ann');
    const laptop = await connect(ann.token);
    const phone = await connect(await t.signIn('ann', ann.password));
    await t.call('/api/session', { method: 'DELETE', token: ann.token });
    await vi.waitFor(() => expect(laptop.closes).toContain(CLOSE.unauthorized));
    writeClaim(phone, ann.user, 'from the phone');
    await vi.waitFor(async () => expect((await claimsSeenByAdmin()).map((c) => c.rationale)).toEqual(['from the phone']));
    expect(phone.closes).toEqual([]);
  });

  it('closes a socket with 4401 once its session expires', async () => {
    const ann = await person('ann');
    const socket = await connect(ann.token);
    t.server.db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?').run(new Date(Date.now() - 1000).toISOString(), hashToken(ann.token));
    await vi.waitFor(() => expect(socket.closes).toContain(CLOSE.unauthorized));
  });

  it("closes a person's sockets with 4401 when an admin resets their password", async () => {
    const ann = await person('ann');
    const socket = await connect(ann.token);
    await t.call(`/api/users/${ann.user.id}/password`, { method: 'POST', token: await t.adminToken(), body: { password: 'a-new-password-123' } });
    await vi.waitFor(() => expect(socket.closes).toContain(CLOSE.unauthorized));
  });
});
