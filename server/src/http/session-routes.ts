/**
 * Signing in and out. A sign-in sets an HttpOnly cookie for the browser and returns the
 * same token for scripts. Failures are slowed by the login limiter and all look alike,
 * so they do not tell which logins exist.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { credentialOf, isCrossOrigin, SESSION_COOKIE, type OriginPolicy } from '../auth/authenticate.js';
import type { LoginLimiter } from '../auth/login-limiter.js';
import { decoyHash, verifyPassword } from '../auth/passwords.js';
import { hashToken, SESSION_TTL_MS, type SessionStore } from '../auth/sessions.js';
import { normalizeLogin } from '../auth/team.js';
import { actorOf, type UserRepository } from '../auth/users.js';
import { ApiError } from '../errors.js';
import type { Rooms } from '../rooms/types.js';
import { parseInput, type RouteTable } from './api.js';

export interface SessionRouteDeps {
  users: UserRepository;
  sessions: SessionStore;
  limiter: LoginLimiter;
  secureCookies: boolean;
  originPolicy?: OriginPolicy;
  trustProxy?: boolean;
  /** Told when a session ends, to close the sockets opened with it. */
  rooms?: Pick<Rooms, 'sessionEnded'>;
}

const signInSchema = z.object({
  login: z.string().max(200),
  password: z.string().max(1000),
});

/** The Set-Cookie value for a session token (or, with null, one that clears it). */
export function sessionCookie(token: string | null, secure: boolean): string {
  const maxAge = token ? Math.floor(SESSION_TTL_MS / 1000) : 0;
  return `${SESSION_COOKIE}=${token ?? ''}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** Where a request comes from, for the login limiter. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').pop()?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** A wait in seconds as people say it. */
function inWords(seconds: number): string {
  const [n, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** POST/DELETE /api/session and GET /api/me. */
export function sessionRoutes(deps: SessionRouteDeps): RouteTable {
  const { users, sessions, limiter, secureCookies } = deps;
  return [
    [
      'POST',
      '/api/session',
      {
        access: 'public',
        async handle({ req, body }) {
          // A foreign page must not sign a visitor in (into an account of its choosing).
          if (isCrossOrigin(req, deps.originPolicy)) throw new ApiError(403, 'Sign in from Factdesk itself.');
          const input = parseInput(signInSchema, await body());
          const login = normalizeLogin(input.login);
          const address = clientAddress(req, deps.trustProxy ?? false);
          const wait = limiter.retryAfter(login, address);
          if (wait > 0) throw new ApiError(429, `Too many failed sign-ins. Try again in ${inWords(wait)}.`, { 'Retry-After': String(wait) });
          const user = users.getByLogin(login);
          const hash = user ? users.passwordHash(user.id) : null;
          const ok = await verifyPassword(input.password, hash ?? (await decoyHash()));
          if (!user || !hash || !ok || !user.active) {
            limiter.recordFailure(login, address);
            throw new ApiError(401, 'The login or password is wrong.');
          }
          limiter.recordSuccess(login, address);
          const { token } = sessions.create(user.id);
          return {
            body: { token, user: actorOf(user) },
            headers: { 'Set-Cookie': sessionCookie(token, secureCookies) },
          };
        },
      },
    ],
    [
      'DELETE',
      '/api/session',
      {
        access: 'user',
        handle({ req }) {
          const credential = credentialOf(req);
          if (credential) {
            sessions.revoke(credential.token);
            deps.rooms?.sessionEnded(hashToken(credential.token));
          }
          return { body: { ok: true }, headers: { 'Set-Cookie': sessionCookie(null, secureCookies) } };
        },
      },
    ],
    ['GET', '/api/me', { access: 'user', handle: ({ actor }) => ({ body: { user: actor } }) }],
  ];
}
