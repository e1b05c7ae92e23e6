/**
 * What an attacker can send before signing in — request lines, escapes, headers, cookies,
 * upgrades — is answered or refused for that request alone; the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, requestHead, upgradeHead } from '../testing/raw-request.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const SEEDS = { 'bridge.txt': 'Mayor promises new bridge\nIt will open in 2027.' };

describe('hostile input before sign-in', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seeds: SEEDS, clientFiles: { 'index.html': '<!doctype html><title>Factdesk</title>' } });
  });
  afterAll(() => t.close());

  const stillServing = async () => expect((await t.call('/healthz')).status).toBe(200);

  it('refuses an upgrade to a malformed escape, and the server still answers', async () => {
    for (const path of ['/collab/%E0%A4%A', '/collab/%', '/collab/%ZZ', '/collab/bridge%', '/collab/%E0%A4%A?token=%']) {
      const answer = await rawRequest(t.url, upgradeHead(t.url, path));
      expect([400, 404], path).toContain(answer.status);
      expect(JSON.parse(answer.body), path).toEqual({ error: expect.any(String) });
      await stillServing();
    }
  });

  it('refuses upgrades with malformed tokens, cookies, origins and hosts, and the server still answers', async () => {
    const cases = [
      ['/collab/bridge?token=%E0%A4%A'],
      ['/collab/bridge?token=' + 'x'.repeat(5000)],
      ['/collab/bridge', 'Cookie: factdesk_session=%E0%A4%A'],
      ['/collab/bridge', 'Cookie: ===; ;;factdesk_session; =x'],
      ['/collab/bridge', `Cookie: factdesk_session=${'a'.repeat(8000)}`],
      ['/collab/bridge', 'Authorization: Bearer'],
      ['/collab/bridge', 'Origin: http://['],
      ['/collab/bridge', 'Origin: %E0%A4%A'],
      ['/collab/bridge', 'Origin: null'],
      ['/collab/bridge', 'X-Forwarded-For: %, [, '],
    ];
    for (const [path, ...headers] of cases) {
      const answer = await rawRequest(t.url, upgradeHead(t.url, path, headers));
      expect([400, 401, 403, 404], `${path} ${headers.join(' ')}`).toContain(answer.status);
      await stillServing();
    }
    const badHost = await rawRequest(t.url, upgradeHead(t.url, '/collab/bridge').replace(/^Host: .*$/m, 'Host: [::1'));
    expect(badHost.status).toBeGreaterThanOrEqual(400);
    await stillServing();
  });

  it('answers bad escapes in HTTP paths with a JSON 400, and odd but well-formed targets without a crash', async () => {
    for (const path of ['/api/documents/%E0%A4%A', '/api/%', '/api/documents/%ZZ/export?format=%', '/%E0%A4%A', '/articles/%E0%A4%A', '/assets/%E0%A4%A.js', '/%']) {
      const answer = await rawRequest(t.url, requestHead(t.url, 'GET', path));
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body), path).toEqual({ error: expect.any(String) });
      await stillServing();
    }
    expect(t.logs.some((line) => line.startsWith('Refused GET with a malformed path'))).toBe(true);
    for (const path of ['/api/me?%=%', '*', '/articles/x%00y', `/${'a/'.repeat(4000)}`]) {
      const answer = await rawRequest(t.url, requestHead(t.url, 'GET', path));
      expect(answer.status, path).toBeGreaterThanOrEqual(200);
      expect(answer.status, path).toBeLessThan(500);
      await stillServing();
    }
  });

  it('answers API calls with malformed cookies and credentials with a JSON 401', async () => {
    for (const header of ['Cookie: factdesk_session=%E0%A4%A', 'Cookie: ;;=;factdesk_session', 'Authorization: Bearer %', `Authorization: Bearer ${'x'.repeat(5000)}`]) {
      const answer = await rawRequest(t.url, requestHead(t.url, 'GET', '/api/me', [header]));
      expect(answer.status, header).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({ error: 'Please sign in.' });
    }
    const signOut = await rawRequest(t.url, requestHead(t.url, 'DELETE', '/api/session', ['Cookie: factdesk_session=%E0%A4%A', 'Origin: http://[']));
    expect(signOut.status).toBe(401);
    await stillServing();
  });

  it('refuses huge headers on requests and upgrades, and the server still answers', async () => {
    const huge = `X-Padding: ${'a'.repeat(64 * 1024)}`;
    expect((await rawRequest(t.url, requestHead(t.url, 'GET', '/api/me', [huge]))).status).toBe(431);
    await stillServing();
    const refused = await rawRequest(t.url, upgradeHead(t.url, '/collab/bridge', [huge]));
    expect(refused.status === 431 || refused.status === 0).toBe(true);
    await stillServing();
    const many = Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${i}`);
    expect((await rawRequest(t.url, requestHead(t.url, 'GET', '/healthz', many))).status).toBeLessThan(500);
    await stillServing();
  });
});
