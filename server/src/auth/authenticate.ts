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
import type { LiveSession, SessionStore } from './sessions.js';

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

/** `?token=` of an upgrade; URLSearchParams never throws on a malformed escape, but a request target can break URL. */
function queryToken(target: string): string | null {
  const q = target.indexOf('?');
  return q < 0 ? null : new URLSearchParams(target.slice(q + 1)).get('token');
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
    const token = queryToken(req.url ?? '');
    if (token) return { kind: 'query', token };
  }
  return null;
}

/** Where this server is reached, for the one origin policy of HTTP and websocket upgrades. */
export interface OriginPolicy {
  /** PUBLIC_URL: when set, the only origin that is ours. */
  publicUrl?: string;
  /** Behind a trusted proxy, X-Forwarded-Proto names the scheme the browser used. */
  trustProxy?: boolean;
}

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The origin a browser names for a page of this server: PUBLIC_URL's, else the request's own Host. */
function ownOrigin(req: IncomingMessage, policy: OriginPolicy): string | null {
  if (policy.publicUrl) return originOf(policy.publicUrl);
  const host = req.headers.host;
  if (!host) return null;
  const forwarded = policy.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase() : '';
  const scheme = forwarded === 'https' ? 'https' : 'http';
  return originOf(`${scheme}://${host}`);
}

/**
 * Whether the request comes from a page of another site, by its Origin header: scheme, host
 * and port must all be ours (another port of the same host is another site, which may be run
 * by someone else). No Origin header means no page at all (a script, or a same-origin GET).
 */
export function isCrossOrigin(req: IncomingMessage, policy: OriginPolicy = {}): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const from = originOf(origin);
  return from === null || from !== ownOrigin(req, policy);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Builds `sessionOf(req)`: the live session behind a request, or null. A cookie counts for a
 * state-changing request or an upgrade only from our own origin.
 */
export function createSessionAuthenticator(sessions: SessionStore, policy: OriginPolicy = {}): (req: IncomingMessage) => LiveSession | null {
  return (req) => {
    const credential = credentialOf(req);
    if (!credential) return null;
    if (credential.kind === 'cookie' && (isUpgrade(req) || !SAFE_METHODS.has(req.method ?? 'GET')) && isCrossOrigin(req, policy)) {
      return null;
    }
    return sessions.sessionFor(credential.token);
  };
}

/** Builds `authenticateRequest(req)`: the active user behind a request, or null. */
export function createAuthenticator(sessions: SessionStore, policy: OriginPolicy = {}): (req: IncomingMessage) => Actor | null {
  const sessionOf = createSessionAuthenticator(sessions, policy);
  return (req) => sessionOf(req)?.actor ?? null;
}
