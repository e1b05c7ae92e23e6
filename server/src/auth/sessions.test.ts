import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase } from '../testing/temp-dir.js';
import { createSessionStore, hashToken, SESSION_TTL_MS } from './sessions.js';
import { createUserRepository, type UserRepository } from './users.js';

describe('sessions', () => {
  let temp: ReturnType<typeof openTempDatabase>;
  let users: UserRepository;
  let clock: number;
  const now = () => clock;

  beforeEach(() => {
    temp = openTempDatabase();
    users = createUserRepository(temp.db);
    clock = Date.parse('2026-01-01T00:00:00Z');
  });
  afterEach(() => temp.close());

  const addUser = (login: string) => users.create({ login, name: login, role: 'annotator', passwordHash: 'x' });

  it('hand out a random 32-byte token and store only its SHA-256', () => {
    const alice = addUser('alice');
    const sessions = createSessionStore(temp.db, { now });
    const { token, expiresAt } = sessions.create(alice.id);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(expiresAt).toBe(new Date(clock + SESSION_TTL_MS).toISOString());
    const stored = temp.db.prepare('SELECT token_hash FROM sessions').pluck().all();
    expect(stored).toEqual([hashToken(token)]);
    expect(stored[0]).not.toContain(token);
  });

  it('tell who is behind a live token', () => {
    const alice = addUser('alice');
    const sessions = createSessionStore(temp.db, { now });
    const { token } = sessions.create(alice.id);
    expect(sessions.actorFor(token)).toEqual({ id: alice.id, login: 'alice', name: 'alice', role: 'annotator' });
    expect(sessions.actorFor('not-a-token')).toBeNull();
    expect(sessions.actorFor('')).toBeNull();
  });

  it('expire after 30 days', () => {
    const sessions = createSessionStore(temp.db, { now });
    const { token } = sessions.create(addUser('alice').id);
    clock += SESSION_TTL_MS - 1;
    expect(sessions.actorFor(token)).not.toBeNull();
    clock += 1;
    expect(sessions.actorFor(token)).toBeNull();
  });

  it('can be revoked one by one or all of a user at once', () => {
    const sessions = createSessionStore(temp.db, { now });
    const alice = addUser('alice');
    const first = sessions.create(alice.id).token;
    const second = sessions.create(alice.id).token;
    const third = sessions.create(alice.id).token;
    sessions.revoke(first);
    expect(sessions.actorFor(first)).toBeNull();
    expect(sessions.actorFor(second)).not.toBeNull();
    sessions.revokeAllFor(alice.id);
    expect(sessions.actorFor(second)).toBeNull();
    expect(sessions.actorFor(third)).toBeNull();
  });

  it('name a live session by its token hash, and tell when it is live no more', () => {
    const sessions = createSessionStore(temp.db, { now });
    const alice = addUser('alice');
    const { token } = sessions.create(alice.id);
    const session = sessions.sessionFor(token)!;
    expect(session).toEqual({ id: hashToken(token), actor: expect.objectContaining({ login: 'alice' }) });
    expect(sessions.isLive(session.id)).toBe(true);
    users.setActive(alice.id, false);
    expect(sessions.isLive(session.id)).toBe(false);
    users.setActive(alice.id, true);
    clock += SESSION_TTL_MS;
    expect(sessions.isLive(session.id)).toBe(false);
    expect(sessions.isLive(token)).toBe(false);
  });

  it('never authenticate an inactive user', () => {
    const sessions = createSessionStore(temp.db, { now });
    const alice = addUser('alice');
    const { token } = sessions.create(alice.id);
    users.setActive(alice.id, false);
    expect(sessions.actorFor(token)).toBeNull();
    users.setActive(alice.id, true);
    expect(sessions.actorFor(token)).not.toBeNull();
  });
});
