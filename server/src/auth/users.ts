/**
 * The users table: who may sign in, under which role. Plain synchronous storage — rules
 * (valid logins, the last admin, hashing) live in team.ts, which HTTP and the CLI share.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@factdesk/shared';
import type { Db } from '../db/database.js';

export interface User extends Actor {
  active: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  login: string;
  name: string;
  role: Role;
  active: 0 | 1;
  created_at: string;
}

export interface NewUser {
  login: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export interface UserRepository {
  create(user: NewUser): User;
  list(): User[];
  getById(id: string): User | null;
  getByLogin(login: string): User | null;
  passwordHash(id: string): string | null;
  setRole(id: string, role: Role): void;
  setName(id: string, name: string): void;
  setPasswordHash(id: string, passwordHash: string): void;
  setActive(id: string, active: boolean): void;
  countActiveAdmins(): number;
  anyAdmin(): boolean;
}

const COLUMNS = 'id, login, name, role, active, created_at';

function toUser(row: UserRow): User {
  return { id: row.id, login: row.login, name: row.name, role: row.role, active: row.active === 1, createdAt: row.created_at };
}

/** The users table behind prepared statements. */
export function createUserRepository(db: Db): UserRepository {
  const insert = db.prepare(
    'INSERT INTO users (id, login, name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
  );
  const all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY login`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byLogin = db.prepare(`SELECT ${COLUMNS} FROM users WHERE login = ?`);
  const hashOf = db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck();
  const updateRole = db.prepare('UPDATE users SET role = ? WHERE id = ?');
  const updateName = db.prepare('UPDATE users SET name = ? WHERE id = ?');
  const updateHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const updateActive = db.prepare('UPDATE users SET active = ? WHERE id = ?');
  const activeAdmins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").pluck();
  const admins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck();

  return {
    create(user) {
      const id = randomUUID();
      insert.run(id, user.login, user.name, user.role, user.passwordHash, new Date().toISOString());
      return toUser(byId.get(id) as UserRow);
    },
    list: () => (all.all() as UserRow[]).map(toUser),
    getById(id) {
      const row = byId.get(id) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    getByLogin(login) {
      const row = byLogin.get(login) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    passwordHash: (id) => (hashOf.get(id) as string | undefined) ?? null,
    setRole: (id, role) => void updateRole.run(role, id),
    setName: (id, name) => void updateName.run(name, id),
    setPasswordHash: (id, passwordHash) => void updateHash.run(passwordHash, id),
    setActive: (id, active) => void updateActive.run(active ? 1 : 0, id),
    countActiveAdmins: () => activeAdmins.get() as number,
    anyAdmin: () => (admins.get() as number) > 0,
  };
}

/** The public view of a user: what `user` means in API answers. */
export function actorOf(user: Actor): Actor {
  return { id: user.id, login: user.login, name: user.name, role: user.role };
}
