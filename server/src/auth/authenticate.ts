/**
 * Who is making a request: from the `factdesk_session` cookie (browsers), an
 * `Authorization: Bearer` header (scripts), or `?token=` on a websocket upgrade (the
 * y-websocket provider's `params`). The first credential present decides.
 *
 * A cookie travels with any request the browser makes, even one a foreign page triggers;
 * so a cookie only counts for a state-changing request or a websocket upgrade when the
 * request's Origin, if sent, is this server's own.
 */
import type { IncomingMessage } from 'node:http';
import type { Actor } from '@factdesk/shared';
import type { SessionStore } from './sessions.js';

export const SESSION_COOKIE = 'factdesk_session';

export type Credential = { kind: 'cookie' | 'bearer' | 'query'; token: string };

/** The value of one cookie of a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

function isUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

/** The credential a request carries, if any. */
export function credentialOf(req: IncomingMessage): Credential | null {
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? { kind: 'bearer', token: match[1] } : null;
  }
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (cookie) return { kind: 'cookie', token: cookie };
  // Only upgrades: a token in an ordinary URL ends up in logs and browser history.
  if (isUpgrade(req)) {
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
    if (token) return { kind: 'query', token };
  }
  return null;
}

/**
 * Whether the request comes from a page of another site, by its Origin header. The port is
 * not compared (the Vite dev server on :5173 proxies to :3000 and rewrites Host); an origin
 * equal to PUBLIC_URL's is always ours (a proxy in front may rewrite Host too).
 */
export function isCrossOrigin(req: IncomingMessage, publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    const from = new URL(origin);
    if (publicUrl && from.origin === new URL(publicUrl).origin) return false;
    return from.hostname !== new URL(`http://${req.headers.host ?? ''}`).hostname;
  } catch {
    return true;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Builds `authenticateRequest(req)`: the active user behind a request, or null. */
export function createAuthenticator(
  sessions: SessionStore,
  options: { publicUrl?: string } = {},
): (req: IncomingMessage) => Actor | null {
  return (req) => {
    const credential = credentialOf(req);
    if (!credential) return null;
    if (credential.kind === 'cookie' && (isUpgrade(req) || !SAFE_METHODS.has(req.method ?? 'GET')) && isCrossOrigin(req, options.publicUrl)) {
      return null;
    }
    return sessions.actorFor(credential.token);
  };
}
