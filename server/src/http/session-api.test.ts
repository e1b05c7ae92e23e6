import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../testing/test-server.js';

describe('signing in and out', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer({ loginLimits: { maxFailures: 3, baseDelayMs: 15 * 60 * 1000 } });
  });
  afterEach(() => t.close());

  it('sets an HttpOnly SameSite cookie and returns the same session as a token', async () => {
    const answer = await t.call('/api/session', { method: 'POST', body: { login: 'admin', password: ADMIN_PASSWORD } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: { id: expect.any(String), login: 'admin', name: 'Administrator', role: 'admin' },
    });
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toBe(`factdesk_session=${answer.body.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`);

    const me = await t.call('/api/me', { headers: { Cookie: cookie.split(';')[0] } });
    expect(me).toMatchObject({ status: 200, body: { user: { login: 'admin', role: 'admin' } } });
  });

  it('marks the cookie Secure when the public address is https', async () => {
    const secure = await startTestServer({ config: { secureCookies: true } });
    try {
      const answer = await secure.call('/api/session', { method: 'POST', body: { login: 'admin', password: ADMIN_PASSWORD } });
      expect(answer.headers.get('set-cookie')).toMatch(/; Secure$/);
      expect(answer.headers.get('strict-transport-security')).toBe('max-age=15552000');
    } finally {
      await secure.close();
    }
  });

  it('accepts the token as a bearer token', async () => {
    const token = await t.adminToken();
    expect((await t.call('/api/me', { token })).body.user.login).toBe('admin');
  });

  it('answers a wrong password or an unknown login with the same 401', async () => {
    const wrong = await t.call('/api/session', { method: 'POST', body: { login: 'admin', password: 'not-the-password' } });
    const unknown = await t.call('/api/session', { method: 'POST', body: { login: 'nobody', password: 'whatever-pass' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'The login or password is wrong.' } });
    expect(unknown).toMatchObject({ status: 401, body: { error: 'The login or password is wrong.' } });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a sign-in without login or password with a 400 naming the field', async () => {
    const answer = await t.call('/api/session', { method: 'POST', body: { login: 'admin' } });
    expect(answer).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^password: /) } });
  });

  it('slows down guessing with a 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await t.call('/api/session', { method: 'POST', body: { login: 'admin', password: `guess-${i}-xx` } })).status).toBe(401);
    }
    const limited = await t.call('/api/session', { method: 'POST', body: { login: 'admin', password: ADMIN_PASSWORD } });
    expect(limited).toMatchObject({ status: 429, body: { error: 'Too many failed sign-ins. Try again in 15 minutes.' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('refuses a sign-in posted by a page of another site', async () => {
    const answer = await t.call('/api/session', {
      method: 'POST',
      body: { login: 'admin', password: ADMIN_PASSWORD },
      headers: { Origin: 'https://evil.example' },
    });
    expect(answer).toMatchObject({ status: 403, body: { error: expect.any(String) } });
  });

  it('signs out: the token stops working and the cookie is cleared', async () => {
    const token = await t.adminToken();
    const answer = await t.call('/api/session', { method: 'DELETE', token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toMatch(/^factdesk_session=; .*Max-Age=0/);
    expect((await t.call('/api/me', { token })).status).toBe(401);
  });

  it('asks for a session on every other API path: none, a wrong one, an expired one', async () => {
    const token = await t.adminToken();
    for (const path of ['/api/me', '/api/documents', '/api/documents/x', '/api/users']) {
      expect(await t.call(path)).toMatchObject({ status: 401, body: { error: 'Please sign in.' } });
      expect((await t.call(path, { token: 'wrong-token' })).status).toBe(401);
    }
    expect((await t.call('/api/session', { method: 'DELETE' })).status).toBe(401);
    expect((await t.call('/api/me', { headers: { Cookie: 'factdesk_session=wrong' } })).status).toBe(401);

    t.server.db.prepare('UPDATE sessions SET expires_at = ?').run(new Date(Date.now() - 1000).toISOString());
    expect((await t.call('/api/me', { token })).status).toBe(401);
  });
});

describe('the sign-in limiter behind a proxy', () => {
  it('counts failures per forwarded address only when the proxy is trusted', async () => {
    const t = await startTestServer({ loginLimits: { maxFailures: 2, baseDelayMs: 60_000 }, config: { trustProxy: true } });
    try {
      const attempt = (login: string, from: string) =>
        t.call('/api/session', { method: 'POST', body: { login, password: 'wrong-password' }, headers: { 'X-Forwarded-For': `1.2.3.4, ${from}` } });
      await attempt('a1', '10.0.0.1');
      await attempt('a2', '10.0.0.1');
      expect((await attempt('a3', '10.0.0.1')).status).toBe(429);
      expect((await attempt('a3', '10.0.0.2')).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('the sign-in limiter under attack', () => {
  it("lets the real user sign in from their own address at once while another address hammers their account, and tells that one to wait", async () => {
    // A minute's first wait, so that no slow test machine outlasts it; the doubling is the limiter's own test.
    const t = await startTestServer({ loginLimits: { baseDelayMs: 60_000 }, config: { trustProxy: true } });
    try {
      const attempt = (password: string, from: string) =>
        t.call('/api/session', { method: 'POST', body: { login: 'admin', password }, headers: { 'X-Forwarded-For': from } });
      const answers = [];
      for (let i = 0; i < 50; i++) answers.push((await attempt(`guess-${i}-wrong`, '203.0.113.9')).status);
      expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(answers.at(-1)).toBe(429);

      expect((await attempt(ADMIN_PASSWORD, '198.51.100.7')).status).toBe(200);
      const told = await attempt(ADMIN_PASSWORD, '203.0.113.9');
      expect(told).toMatchObject({ status: 429, body: { error: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ (second|minute)s?\.$/) } });
      expect(Number(told.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
