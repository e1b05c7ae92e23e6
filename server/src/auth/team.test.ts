import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../audit/audit-log.js';
import { openTempDatabase } from '../testing/temp-dir.js';
import { ensureFirstAdmin } from './first-admin.js';
import { verifyPassword } from './passwords.js';
import { createSessionStore, type SessionStore } from './sessions.js';
import { createTeam, type Team } from './team.js';
import { createUserRepository, type UserRepository } from './users.js';

describe('the team', () => {
  let temp: ReturnType<typeof openTempDatabase>;
  let users: UserRepository;
  let sessions: SessionStore;
  let audit: AuditLog;
  let team: Team;

  beforeEach(() => {
    temp = openTempDatabase();
    users = createUserRepository(temp.db);
    sessions = createSessionStore(temp.db);
    audit = createAuditLog(temp.db);
    team = createTeam({ users, sessions, audit });
  });
  afterEach(() => temp.close());

  it('adds a person with a hashed password and records who did it', async () => {
    const { user, generatedPassword } = await team.add({ login: ' Alice ', name: 'Alice Doe', role: 'annotator', password: 'alice-password' }, 'admin-id');
    expect(user).toMatchObject({ login: 'alice', name: 'Alice Doe', role: 'annotator', active: true });
    expect(generatedPassword).toBeUndefined();
    expect(await verifyPassword('alice-password', users.passwordHash(user.id)!)).toBe(true);
    const [entry] = audit.latest();
    expect(entry).toMatchObject({ actorId: 'admin-id', action: 'user.created', detail: { login: 'alice', role: 'annotator' } });
    expect(JSON.stringify(audit.latest())).not.toContain('alice-password');
  });

  it('generates a password when none is given and returns it once', async () => {
    const { user, generatedPassword } = await team.add({ login: 'bob', role: 'viewer' }, null);
    expect(user.name).toBe('bob');
    expect(await verifyPassword(generatedPassword!, users.passwordHash(user.id)!)).toBe(true);
  });

  it('refuses bad logins, names, roles, short passwords and taken logins with readable messages', async () => {
    await expect(team.add({ login: 'a', role: 'viewer' }, null)).rejects.toThrow(/2 to 40 characters/);
    await expect(team.add({ login: '../etc', role: 'viewer' }, null)).rejects.toThrow(/login/);
    await expect(team.add({ login: 'carol', role: 'editor' }, null)).rejects.toThrow(/role must be one of: viewer, annotator, reviewer, admin/);
    await expect(team.add({ login: 'carol', name: '  ', role: 'viewer' }, null)).rejects.toThrow(/name cannot be empty/);
    await expect(team.add({ login: 'carol', role: 'viewer', password: 'short' }, null)).rejects.toThrow(/at least 8/);
    await team.add({ login: 'carol', role: 'viewer' }, null);
    await expect(team.add({ login: 'Carol', role: 'viewer' }, null)).rejects.toMatchObject({ status: 409 });
  });

  it('changes name and role, and says when open connections must pick them up', async () => {
    const { user } = await team.add({ login: 'dave', role: 'annotator' }, null);
    const result = team.update(user.id, { name: 'Dave R.', role: 'reviewer' }, 'admin-id');
    expect(result).toMatchObject({ changed: true, deactivated: false, user: { name: 'Dave R.', role: 'reviewer' } });
    expect(team.update(user.id, { name: 'Dave R.' }, 'admin-id').changed).toBe(false);
    expect(audit.latest()[0]).toMatchObject({ action: 'user.updated', detail: { name: 'Dave R.', role: 'reviewer' } });
  });

  it('signs a deactivated person out everywhere', async () => {
    const { user } = await team.add({ login: 'erin', role: 'annotator' }, null);
    const { token } = sessions.create(user.id);
    const result = team.update(user.id, { active: false }, 'admin-id');
    expect(result.deactivated).toBe(true);
    expect(sessions.actorFor(token)).toBeNull();
    expect(audit.latest()[0].action).toBe('user.deactivated');
    team.update(user.id, { active: true }, 'admin-id');
    expect(sessions.actorFor(token)).toBeNull();
    expect(audit.latest()[0].action).toBe('user.reactivated');
  });

  it('never leaves the workspace without an active admin', async () => {
    const { user: admin } = await team.add({ login: 'root', role: 'admin' }, null);
    expect(() => team.update(admin.id, { role: 'viewer' }, null)).toThrow(/last active admin/);
    expect(() => team.update(admin.id, { active: false }, null)).toThrow(/last active admin/);
    expect(() => team.update(admin.id, { active: false }, admin.id)).toThrow(/cannot deactivate yourself/);
    await team.add({ login: 'root2', role: 'admin' }, null);
    expect(team.update(admin.id, { role: 'viewer' }, null).user.role).toBe('viewer');
  });

  it('resets a password, signing the old sessions out', async () => {
    const { user } = await team.add({ login: 'fay', role: 'viewer', password: 'first-password' }, null);
    const { token } = sessions.create(user.id);
    const { generatedPassword } = await team.resetPassword(user.id, undefined, 'admin-id');
    expect(await verifyPassword(generatedPassword!, users.passwordHash(user.id)!)).toBe(true);
    expect(sessions.actorFor(token)).toBeNull();
    await team.resetPassword(user.id, 'second-password', 'admin-id');
    expect(await verifyPassword('second-password', users.passwordHash(user.id)!)).toBe(true);
  });

  it('finds people by login or id, with a 404 when absent', async () => {
    const { user } = await team.add({ login: 'gus', role: 'viewer' }, null);
    expect(team.byLogin('GUS').id).toBe(user.id);
    expect(() => team.byLogin('nobody')).toThrow(/no user with the login "nobody"/);
    expect(() => team.byId('nope')).toThrow(expect.objectContaining({ status: 404 }));
  });

  describe('on first start', () => {
    it('creates the admin account with the configured password, once', async () => {
      expect(await ensureFirstAdmin({ users, team }, 'configured-password')).toEqual({ login: 'admin' });
      const admin = users.getByLogin('admin')!;
      expect(admin).toMatchObject({ role: 'admin', name: 'Administrator' });
      expect(await verifyPassword('configured-password', users.passwordHash(admin.id)!)).toBe(true);
      expect(await ensureFirstAdmin({ users, team }, 'configured-password')).toBeNull();
    });

    it('generates the admin password when none is configured', async () => {
      const first = await ensureFirstAdmin({ users, team }, undefined);
      expect(first?.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    });

    it('refuses a configured admin password that is too short', async () => {
      await expect(ensureFirstAdmin({ users, team }, 'short')).rejects.toThrow(/FACTDESK_ADMIN_PASSWORD cannot be used/);
    });
  });
});
