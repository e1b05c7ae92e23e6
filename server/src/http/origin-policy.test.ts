/**
 * One origin policy for HTTP and websocket upgrades: a page may act with the session cookie
 * only from this server's own origin — scheme, host and port — or PUBLIC_URL's when it is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, upgradeHead } from '../testing/raw-request.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../testing/test-server.js';

const SEEDS = { 'bridge.txt': 'Mayor promises new bridge\nIt will open in 2027.' };
const PUBLIC_URL = 'https://factdesk.example.org';

/** What the server answers a form post, a cookie-authenticated sign-out and a socket, sent from `origin` (none: a script). */
async function fromOrigin(t: TestServer, origin: string | undefined) {
  const headers: Record<string, string> = origin === undefined ? {} : { Origin: origin };
  const signIn = await t.call('/api/session', { method: 'POST', body: { login: 'admin', password: ADMIN_PASSWORD }, headers });
  const cookie = `factdesk_session=${await t.adminToken()}`;
  const upgrade = await rawRequest(t.url, upgradeHead(t.url, '/collab/bridge', [`Cookie: ${cookie}`, ...(origin === undefined ? [] : [`Origin: ${origin}`])]));
  const signOut = await t.call('/api/session', { method: 'DELETE', headers: { ...headers, Cookie: `factdesk_session=${await t.signIn('admin', ADMIN_PASSWORD)}` } });
  return { signIn: signIn.status, upgrade: upgrade.status, signOut: signOut.status };
}

const ALLOWED = { signIn: 200, upgrade: 101, signOut: 200 };
const REFUSED = { signIn: 403, upgrade: 403, signOut: 401 };

describe('the origin policy', () => {
  let t: TestServer;
  let origin: URL;
  beforeAll(async () => {
    t = await startTestServer({ seeds: SEEDS });
    origin = new URL(t.url);
  });
  afterAll(() => t.close());

  it('lets a page of the same origin post forms and open sockets', async () => {
    expect(await fromOrigin(t, origin.origin)).toEqual(ALLOWED);
  });

  it('refuses a page of the same host on another port', async () => {
    expect(await fromOrigin(t, `http://${origin.hostname}:${Number(origin.port) + 1}`)).toEqual(REFUSED);
  });

  it('refuses a page of another host, another scheme, or an opaque origin', async () => {
    expect(await fromOrigin(t, `http://evil.example:${origin.port}`)).toEqual(REFUSED);
    expect(await fromOrigin(t, `https://${origin.host}`)).toEqual(REFUSED);
    expect(await fromOrigin(t, 'null')).toEqual(REFUSED);
  });

  it('lets a script without an Origin header through', async () => {
    expect(await fromOrigin(t, undefined)).toEqual(ALLOWED);
  });
});

describe('the origin policy behind PUBLIC_URL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seeds: SEEDS, config: { publicUrl: PUBLIC_URL } });
  });
  afterAll(() => t.close());

  it("accepts PUBLIC_URL's origin and nothing else, not even the address the proxy forwards to", async () => {
    expect(await fromOrigin(t, PUBLIC_URL)).toEqual(ALLOWED);
    expect(await fromOrigin(t, new URL(t.url).origin)).toEqual(REFUSED);
    expect(await fromOrigin(t, 'https://factdesk.example.org:8443')).toEqual(REFUSED);
  });
});
