import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const INDEX = '<!doctype html><title>Factdesk</title><div id="root"></div>';

/** A request with a raw, unnormalised path (fetch would resolve "..") — as an attacker sends it. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + '/', { path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the HTTP server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      clientFiles: { 'index.html': INDEX, 'assets/app-1234.js': 'console.log("app")', 'assets/app-1234.css': 'body{}', 'favicon.svg': '<svg/>' },
    });
  });
  afterAll(() => t.close());

  it('answers /healthz without a session', async () => {
    expect(await t.call('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('sends the security headers on every answer', async () => {
    for (const path of ['/healthz', '/', '/api/me']) {
      const { headers } = await t.call(path);
      expect(headers.get('content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self' ws: wss:.*frame-ancestors 'none'/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('refuses malformed JSON with a readable 400', async () => {
    const answer = await t.call('/api/session', { method: 'POST', rawBody: '{"login": "admin",' });
    expect(answer).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^The request body is not valid JSON/) } });
  });

  it('refuses a body over 1 MiB with a 413', async () => {
    const answer = await t.call('/api/session', { method: 'POST', body: { login: 'admin', password: 'x'.repeat(1024 * 1024 + 10) } });
    expect(answer).toMatchObject({ status: 413, body: { error: 'The request body is larger than 1024 KiB.' } });
  });

  it('answers an unknown API path with a JSON 404 and a wrong method with a 405', async () => {
    const token = await t.adminToken();
    expect(await t.call('/api/nothing', { token })).toMatchObject({ status: 404, body: { error: expect.any(String) } });
    const wrong = await t.call('/api/documents', { method: 'PUT', token, body: {} });
    expect(wrong).toMatchObject({ status: 405, body: { error: 'PUT is not allowed here.' } });
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it('serves the built client with the right content types', async () => {
    const js = await t.call('/assets/app-1234.js');
    expect(js).toMatchObject({ status: 200, body: 'console.log("app")' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect((await t.call('/assets/app-1234.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await t.call('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    const index = await t.call('/');
    expect(index).toMatchObject({ status: 200, body: INDEX });
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it("falls back to index.html for the app's own paths, but not for a missing asset", async () => {
    expect(await t.call('/documents/bridge')).toMatchObject({ status: 200, body: INDEX });
    expect((await t.call('/assets/gone-0000.js')).status).toBe(404);
  });

  it('serves nothing outside the client folder', async () => {
    for (const path of ['/../data/factdesk.sqlite', '/%2e%2e/data/factdesk.sqlite', '/assets/..%2f..%2fdata%2ffactdesk.sqlite', '/.env']) {
      const answer = await rawGet(t.url, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('SQLite');
    }
    expect((await rawGet(t.url, '/%E0%A4%A')).status).toBe(400);
  });

  it('shows a readable page when the client is not built', async () => {
    const bare = await startTestServer();
    try {
      const answer = await bare.call('/documents/x');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.body).toMatch(/not built yet.*npm run build/s);
    } finally {
      await bare.close();
    }
  });
});
