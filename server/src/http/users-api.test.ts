import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/audit-log.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('the team API', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.close());

  it('is for admins only: anyone else gets a 403', async () => {
    const { token, id } = await t.addUser('rita', 'reviewer');
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/users'],
      ['POST', '/api/users', { login: 'x1', name: 'X', role: 'viewer' }],
      ['PATCH', `/api/users/${id}`, { role: 'admin' }],
      ['POST', `/api/users/${id}/password`, {}],
    ];
    for (const [method, path, body] of calls) {
      expect(await t.call(path, { method, token, body })).toMatchObject({ status: 403, body: { error: 'Only an admin may do this.' } });
    }
  });

  it('adds a person and returns a generated password once', async () => {
    const admin = await t.adminToken();
    const answer = await t.call('/api/users', { method: 'POST', token: admin, body: { login: 'Nina', name: 'Nina Ruiz', role: 'annotator' } });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      user: { id: expect.any(String), login: 'nina', name: 'Nina Ruiz', role: 'annotator', active: true, createdAt: expect.any(String) },
      password: expect.stringMatching(/^.{20}$/),
    });
    const token = await t.signIn('nina', answer.body.password);
    expect((await t.call('/api/me', { token })).body.user.name).toBe('Nina Ruiz');

    const list = await t.call('/api/users', { token: admin });
    expect(list.body.users.map((u: { login: string }) => u.login)).toEqual(['admin', 'nina']);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/);
  });

  it('explains what is wrong with a new person', async () => {
    const admin = await t.adminToken();
    const add = (body: unknown) => t.call('/api/users', { method: 'POST', token: admin, body });
    expect(await add({ login: 'x', name: 'X', role: 'viewer' })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/login/) } });
    expect(await add({ login: 'xavier', name: 'X', role: 'boss' })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/role/) } });
    expect(await add({ login: 'xavier', role: 'viewer' })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^name: /) } });
    expect(await add({ login: 'admin', name: 'A', role: 'viewer' })).toMatchObject({ status: 409 });
  });

  it('changes a role, and the new role applies to the same token', async () => {
    const { id, token } = await t.addUser('ann', 'annotator');
    const answer = await t.call(`/api/users/${id}`, { method: 'PATCH', token: await t.adminToken(), body: { role: 'reviewer', name: 'Ann B.' } });
    expect(answer).toMatchObject({ status: 200, body: { user: { role: 'reviewer', name: 'Ann B.' } } });
    expect((await t.call('/api/me', { token })).body.user).toMatchObject({ role: 'reviewer', name: 'Ann B.' });
  });

  it('refuses an unknown field, an unknown user and losing the last admin', async () => {
    const admin = await t.adminToken();
    const me = (await t.call('/api/me', { token: admin })).body.user.id;
    expect((await t.call(`/api/users/${me}`, { method: 'PATCH', token: admin, body: { password: 'x' } })).status).toBe(400);
    expect((await t.call('/api/users/nope', { method: 'PATCH', token: admin, body: { name: 'x' } })).status).toBe(404);
    expect(await t.call(`/api/users/${me}`, { method: 'PATCH', token: admin, body: { role: 'viewer' } })).toMatchObject({
      status: 409,
      body: { error: expect.stringMatching(/last active admin/) },
    });
  });

  it('deactivating someone invalidates their token and their password', async () => {
    const { id, token, password } = await t.addUser('dan', 'annotator');
    const admin = await t.adminToken();
    const answer = await t.call(`/api/users/${id}`, { method: 'PATCH', token: admin, body: { active: false } });
    expect(answer.body.user.active).toBe(false);
    expect((await t.call('/api/me', { token })).status).toBe(401);
    expect((await t.call('/api/session', { method: 'POST', body: { login: 'dan', password } })).status).toBe(401);

    await t.call(`/api/users/${id}`, { method: 'PATCH', token: admin, body: { active: true } });
    expect((await t.call('/api/me', { token })).status).toBe(401);
    expect(await t.signIn('dan', password)).toBeTruthy();
  });

  it('resets a password, generated or given, and signs the old sessions out', async () => {
    const { id, token } = await t.addUser('eve', 'viewer');
    const admin = await t.adminToken();
    const generated = await t.call(`/api/users/${id}/password`, { method: 'POST', token: admin });
    expect(generated).toMatchObject({ status: 200, body: { user: { login: 'eve' }, password: expect.any(String) } });
    expect((await t.call('/api/me', { token })).status).toBe(401);
    await t.signIn('eve', generated.body.password);

    const given = await t.call(`/api/users/${id}/password`, { method: 'POST', token: admin, body: { password: 'chosen-password' } });
    expect(given.body.password).toBeUndefined();
    await t.signIn('eve', 'chosen-password');
  });

  it('records every change to the team in the audit log', async () => {
    const { id } = await t.addUser('fred', 'viewer');
    const admin = await t.adminToken();
    await t.call(`/api/users/${id}`, { method: 'PATCH', token: admin, body: { role: 'annotator' } });
    await t.call(`/api/users/${id}/password`, { method: 'POST', token: admin });
    await t.call(`/api/users/${id}`, { method: 'PATCH', token: admin, body: { active: false } });
    const actions = createAuditLog(t.server.db).latest().map((e) => e.action);
    expect(actions).toEqual(['user.deactivated', 'user.password_reset', 'user.updated', 'user.created', 'user.created']);
  });
});
