/**
 * Managing the team: adding people, changing their name or role, resetting passwords,
 * deactivating. The rules live here once, so the HTTP API and the command line agree:
 * valid logins and names, hashed passwords, revoked sessions, an audit entry per change,
 * and never a workspace without an active admin.
 */
import { ROLES, type Role } from '@factdesk/shared';
import type { AuditLog } from '../audit/audit-log.js';
import { ApiError, badRequest, conflict, notFound } from '../errors.js';
import { generatePassword, hashPassword, passwordProblem } from './passwords.js';
import type { SessionStore } from './sessions.js';
import type { User, UserRepository } from './users.js';

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const NAME_MAX_LENGTH = 100;

export interface AddUserInput {
  login: string;
  role: Role | string;
  /** Defaults to the login. */
  name?: string;
  /** Generated (and returned once) when absent. */
  password?: string;
}

export interface UserPatch {
  name?: string;
  role?: Role | string;
  active?: boolean;
}

export interface WithPassword {
  user: User;
  /** Present only when the password was generated: shown once, stored nowhere. */
  generatedPassword?: string;
}

export interface UpdateResult {
  user: User;
  /** The name or role changed: open connections should pick up the new one. */
  changed: boolean;
  deactivated: boolean;
}

export interface Team {
  add(input: AddUserInput, actorId: string | null): Promise<WithPassword>;
  update(id: string, patch: UserPatch, actorId: string | null): UpdateResult;
  resetPassword(id: string, password: string | undefined, actorId: string | null): Promise<WithPassword>;
  /** The user with this login, or a 404 error. */
  byLogin(login: string): User;
  /** The user with this id, or a 404 error. */
  byId(id: string): User;
}

/** Lower-cases and trims a login as typed, so "Alice " signs in as "alice". */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

function checkLogin(login: string): string {
  const normalized = normalizeLogin(login);
  if (!LOGIN_PATTERN.test(normalized)) {
    throw badRequest(
      'A login is 2 to 40 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.',
    );
  }
  return normalized;
}

function checkName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) throw badRequest('The name cannot be empty.');
  if (trimmed.length > NAME_MAX_LENGTH) throw badRequest(`The name must be at most ${NAME_MAX_LENGTH} characters long.`);
  if (/\p{Cc}/u.test(trimmed)) throw badRequest('The name cannot contain control characters.');
  return trimmed;
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw badRequest(`The role must be one of: ${ROLES.join(', ')}.`);
  return role as Role;
}

function checkPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw badRequest(problem);
  return password;
}

/** The team operations over the users, sessions and audit log. */
export function createTeam(deps: { users: UserRepository; sessions: SessionStore; audit: AuditLog }): Team {
  const { users, sessions, audit } = deps;

  const byId = (id: string): User => {
    const user = users.getById(id);
    if (!user) throw notFound('There is no such user.');
    return user;
  };

  /** Refuses a change that would leave no active admin to manage the team. */
  const keepAnAdmin = (user: User, next: { role: Role; active: boolean }) => {
    const losesAdmin = user.role === 'admin' && user.active && (next.role !== 'admin' || !next.active);
    if (losesAdmin && users.countActiveAdmins() <= 1) {
      throw conflict('This is the last active admin: make someone else an admin first.');
    }
  };

  return {
    async add(input, actorId) {
      const login = checkLogin(input.login);
      const role = checkRole(input.role);
      const name = checkName(input.name ?? login);
      const generatedPassword = input.password === undefined ? generatePassword() : undefined;
      const password = checkPassword(input.password ?? generatedPassword!);
      if (users.getByLogin(login)) throw conflict(`The login "${login}" is already taken.`);
      const passwordHash = await hashPassword(password);
      // Checked again after the await: another request may have taken the login meanwhile.
      if (users.getByLogin(login)) throw conflict(`The login "${login}" is already taken.`);
      const user = users.create({ login, name, role, passwordHash });
      audit.record(actorId, 'user.created', { userId: user.id, login, role, name });
      return generatedPassword ? { user, generatedPassword } : { user };
    },

    update(id, patch, actorId) {
      const user = byId(id);
      const name = patch.name === undefined ? user.name : checkName(patch.name);
      const role = patch.role === undefined ? user.role : checkRole(patch.role);
      const active = patch.active ?? user.active;
      if (actorId === id && !active) throw badRequest('You cannot deactivate yourself.');
      keepAnAdmin(user, { role, active });

      const changes: Record<string, unknown> = {};
      if (name !== user.name) users.setName(id, (changes.name = name));
      if (role !== user.role) users.setRole(id, (changes.role = role));
      if (active !== user.active) {
        users.setActive(id, (changes.active = active));
        if (!active) sessions.revokeAllFor(id);
      }
      if (Object.keys(changes).length > 0) {
        const action = active !== user.active ? (active ? 'user.reactivated' : 'user.deactivated') : 'user.updated';
        audit.record(actorId, action, { userId: id, login: user.login, ...changes });
      }
      return {
        user: byId(id),
        changed: name !== user.name || role !== user.role,
        deactivated: user.active && !active,
      };
    },

    async resetPassword(id, password, actorId) {
      const user = byId(id);
      const generatedPassword = password === undefined ? generatePassword() : undefined;
      const passwordHash = await hashPassword(checkPassword(password ?? generatedPassword!));
      users.setPasswordHash(id, passwordHash);
      // A reset is often the answer to a leaked password: sign the old sessions out.
      sessions.revokeAllFor(id);
      audit.record(actorId, 'user.password_reset', { userId: id, login: user.login, generated: !!generatedPassword });
      return generatedPassword ? { user, generatedPassword } : { user };
    },

    byLogin(login) {
      const user = users.getByLogin(normalizeLogin(login));
      if (!user) throw new ApiError(404, `There is no user with the login "${normalizeLogin(login)}".`);
      return user;
    },

    byId,
  };
}
