import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase } from '../testing/temp-dir.js';
import { createAuthenticator, isCrossOrigin, readCookie } from './authenticate.js';
import { createSessionStore, type SessionStore } from './sessions.js';
import { createUserRepository } from './users.js';

/** Just the parts of a request the authenticator reads. */
function request(url: string, headers: Record<string, string>, method = 'GET'): IncomingMessage {
  return { url, method, headers: { host: 'factdesk.test:3000', ...headers } } as unknown as IncomingMessage;
}

describe('authenticateRequest', () => {
  let temp: ReturnType<typeof openTempDatabase>;
  let sessions: SessionStore;
  let token: string;
  let authenticate: ReturnType<typeof createAuthenticator>;

  beforeEach(() => {
    temp = openTempDatabase();
    const alice = createUserRepository(temp.db).create({ login: 'alice', name: 'Alice', role: 'reviewer', passwordHash: 'x' });
    sessions = createSessionStore(temp.db);
    token = sessions.create(alice.id).token;
    authenticate = createAuthenticator(sessions, { publicUrl: 'https://factdesk.example.org' });
  });
  afterEach(() => temp.close());

  it('reads the session cookie', () => {
    expect(authenticate(request('/api/me', { cookie: `theme=dark; factdesk_session=${token}` }))?.login).toBe('alice');
  });

  it('reads a bearer token', () => {
    expect(authenticate(request('/api/me', { authorization: `Bearer ${token}` }))?.login).toBe('alice');
    expect(authenticate(request('/api/me', { authorization: `Basic ${token}` }))).toBeNull();
  });

  it('reads ?token= only on a websocket upgrade', () => {
    expect(authenticate(request(`/collab/doc?token=${token}`, { upgrade: 'websocket' }))?.login).toBe('alice');
    expect(authenticate(request(`/api/me?token=${token}`, {}))).toBeNull();
  });

  it('refuses a cookie on a state change or upgrade from a foreign page', () => {
    const cookie = `factdesk_session=${token}`;
    expect(authenticate(request('/api/users', { cookie, origin: 'https://evil.example' }, 'POST'))).toBeNull();
    expect(authenticate(request('/collab/doc', { cookie, origin: 'https://evil.example', upgrade: 'websocket' }))).toBeNull();
    expect(authenticate(request('/api/me', { cookie, origin: 'https://evil.example' }))?.login).toBe('alice');
    expect(authenticate(request('/api/users', { cookie, origin: 'http://factdesk.test:5173' }, 'POST'))).toBeNull();
    expect(authenticate(request('/api/users', { cookie, origin: 'https://factdesk.example.org' }, 'POST'))?.login).toBe('alice');
    expect(authenticate(request('/api/users', { authorization: `Bearer ${token}`, origin: 'https://evil.example' }, 'POST'))?.login).toBe('alice');
  });

  it('refuses unknown and revoked tokens', () => {
    expect(authenticate(request('/api/me', {}))).toBeNull();
    expect(authenticate(request('/api/me', { authorization: 'Bearer nope' }))).toBeNull();
    sessions.revoke(token);
    expect(authenticate(request('/api/me', { cookie: `factdesk_session=${token}` }))).toBeNull();
  });
});

describe('cookie and origin helpers', () => {
  it('read one cookie among several', () => {
    expect(readCookie('a=1; b=2;c=3', 'b')).toBe('2');
    expect(readCookie('ab=1', 'b')).toBeNull();
    expect(readCookie(undefined, 'b')).toBeNull();
  });

  it('tell a foreign origin from our own by scheme, host and port', () => {
    expect(isCrossOrigin(request('/', {}))).toBe(false);
    expect(isCrossOrigin(request('/', { origin: 'http://factdesk.test:3000' }))).toBe(false);
    expect(isCrossOrigin(request('/', { origin: 'null' }))).toBe(true);
    expect(isCrossOrigin(request('/', { origin: 'http://factdesk.test' }))).toBe(true);
    expect(isCrossOrigin(request('/', { origin: 'http://factdesk.test:5173' }))).toBe(true);
    expect(isCrossOrigin(request('/', { origin: 'https://factdesk.test:3000' }))).toBe(true);
    expect(isCrossOrigin(request('/', { origin: 'http://other.test:3000' }))).toBe(true);
    expect(isCrossOrigin(request('/', { origin: 'http://[' }))).toBe(true);
  });

  it("take PUBLIC_URL's origin as the only one that is ours when it is set", () => {
    const policy = { publicUrl: 'https://factdesk.example.org/newsroom/' };
    expect(isCrossOrigin(request('/', { origin: 'https://factdesk.example.org' }), policy)).toBe(false);
    expect(isCrossOrigin(request('/', { origin: 'http://factdesk.test:3000' }), policy)).toBe(true);
    expect(isCrossOrigin(request('/', { origin: 'https://factdesk.example.org:8443' }), policy)).toBe(true);
  });

  it('trust the scheme a proxy forwards only when told to', () => {
    const behindTls = request('/', { origin: 'https://factdesk.test:3000', 'x-forwarded-proto': 'https' });
    expect(isCrossOrigin(behindTls, { trustProxy: true })).toBe(false);
    expect(isCrossOrigin(behindTls)).toBe(true);
  });
});
