/**
 * Sign-in sessions. The token is 32 random bytes handed to the browser (cookie) or a script
 * (bearer); only its SHA-256 is stored, so a copy of the database opens no sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@factdesk/shared';
import type { Db } from '../db/database.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface NewSession {
  token: string;
  expiresAt: string;
}

/** A live session: who is behind it, and the id that names it without being the token. */
export interface LiveSession {
  /** The token's hash: a socket keeps it to be closed when the session ends. */
  id: string;
  actor: Actor;
}

export interface SessionStore {
  /** Opens a session for the user; the token is shown once and never stored. */
  create(userId: string): NewSession;
  /** The active user behind a live token, or null (unknown, expired, revoked, inactive user). */
  actorFor(token: string): Actor | null;
  /** The live session of a token, or null (as actorFor). */
  sessionFor(token: string): LiveSession | null;
  /** Whether the session with this id is still live (not expired or revoked, its user active). */
  isLive(sessionId: string): boolean;
  revoke(token: string): void;
  revokeAllFor(userId: string): void;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sessions in the sessions table; `now` is for tests. */
export function createSessionStore(db: Db, options: { ttlMs?: number; now?: () => number } = {}): SessionStore {
  const ttlMs = options.ttlMs ?? SESSION_TTL_MS;
  const now = options.now ?? Date.now;
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const lookup = db.prepare(
    `SELECT u.id, u.login, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  );
  const live = db.prepare(
    `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  );
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');

  const sessionFor = (token: string): LiveSession | null => {
    if (!token || token.length > 200) return null;
    const id = hashToken(token);
    const actor = lookup.get(id, new Date(now()).toISOString()) as Actor | undefined;
    return actor ? { id, actor } : null;
  };

  return {
    create(userId) {
      const at = now();
      removeExpired.run(new Date(at).toISOString());
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at + ttlMs).toISOString();
      insert.run(hashToken(token), userId, new Date(at).toISOString(), expiresAt);
      return { token, expiresAt };
    },
    actorFor: (token) => sessionFor(token)?.actor ?? null,
    sessionFor,
    isLive: (sessionId) => live.get(sessionId, new Date(now()).toISOString()) !== undefined,
    revoke: (token) => void remove.run(hashToken(token)),
    revokeAllFor: (userId) => void removeForUser.run(userId),
  };
}
