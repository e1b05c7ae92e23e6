import { request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../testing/raw-request.js';
import { openTempDatabase } from '../testing/temp-dir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { checkReadiness } from './health-routes.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((t) => t.close()));
});

async function start(): Promise<TestServer> {
  const t = await startTestServer();
  servers.push(t);
  return t;
}

/**
 * A sign-in whose body is held back: it resolves once the server has taken the request on
 * (it answered `Expect: 100-continue`), and `send` then finishes it.
 */
function heldSignIn(url: string): Promise<{ send(): Promise<number> }> {
  const body = JSON.stringify({ login: 'admin', password: 'not the password' });
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Expect: '100-continue' },
    });
    const answered = new Promise<IncomingMessage>((done) => req.once('response', done));
    req.on('error', reject);
    req.once('continue', () =>
      resolve({
        async send() {
          req.end(body);
          const res = await answered;
          res.resume();
          return res.statusCode!;
        },
      }),
    );
    req.flushHeaders();
  });
}

function upgrade(url: string): Promise<number> {
  const { host } = new URL(url);
  const head = [
    'GET /collab/some-article HTTP/1.1',
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  ].join('\r\n');
  return rawRequest(url, head).then((answer) => answer.status);
}

describe('health and readiness', () => {
  it('answers /healthz with ok and /readyz with ready while the server serves, without a session', async () => {
    const t = await start();
    expect(await t.call('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await t.call('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(await t.call('/readyz', { method: 'POST' })).toMatchObject({ status: 405 });
  });

  it('is not ready when the database does not answer, and still alive', async () => {
    const t = await start();
    t.server.db.close();
    expect(await t.call('/readyz')).toMatchObject({
      status: 503,
      body: { status: 'database unavailable', error: expect.stringMatching(/^The database does not answer: /) },
    });
    expect(await t.call('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('is not ready, naming the worker, when a worker of the update log has stopped', () => {
    const temp = openTempDatabase();
    try {
      const stopped = { name: 'append worker', running: false, error: 'the append worker stopped (exit code 1)' };
      expect(checkReadiness({ db: temp.db, workers: () => [stopped], stopping: () => false })).toEqual({
        ready: false,
        status: 'update log unavailable',
        error: "The update log's append worker stopped: the append worker stopped (exit code 1)",
      });
      expect(checkReadiness({ db: temp.db, workers: () => [{ ...stopped, running: true }], stopping: () => false })).toEqual({ ready: true });
    } finally {
      temp.close();
    }
  });

  it('goes unready at once when the stop begins, refuses new requests and upgrades with 503, and lets a request under way finish', async () => {
    const t = await start();
    const held = await heldSignIn(t.url);
    let stopped = false;
    const stopping = t.server.close().then(() => (stopped = true));

    expect(await t.call('/readyz')).toMatchObject({ status: 503, body: { status: 'shutting down', error: 'The server is shutting down.' } });
    expect(await t.call('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await t.call('/api/me')).toMatchObject({ status: 503, body: { error: 'The server is shutting down.' } });
    expect(await t.call('/')).toMatchObject({ status: 503 });
    expect(await upgrade(t.url)).toBe(503);
    expect(stopped).toBe(false);

    expect(await held.send()).toBe(401);
    await stopping;
    expect(stopped).toBe(true);
  });
});
