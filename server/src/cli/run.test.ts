import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionStore } from '../auth/sessions.js';
import { verifyPassword } from '../auth/passwords.js';
import { createUserRepository } from '../auth/users.js';
import { openDatabase } from '../db/database.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { runCli } from './run.js';

describe('the command-line tool', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let out: string[];
  let err: string[];
  const run = (...argv: string[]) => runCli(argv, { env: { DATA_DIR: dataDir }, out: (l) => out.push(l), err: (l) => err.push(l) });
  const withUsers = <T>(fn: (users: ReturnType<typeof createUserRepository>, db: ReturnType<typeof openDatabase>) => T): T => {
    const db = openDatabase(dataDir);
    try {
      return fn(createUserRepository(db), db);
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = makeTempDir('factdesk-cli-');
    dataDir = join(dir.path, 'data');
    out = [];
    err = [];
  });
  afterEach(() => dir.remove());

  it('adds a user with a given password and lists the team', async () => {
    expect(await run('users', 'add', 'nina', '--role', 'reviewer', '--name', 'Nina Ruiz', '--password', 'nina-password')).toBe(0);
    expect(out).toEqual(['Added nina (Nina Ruiz) as reviewer.']);
    out = [];
    expect(await run('users', 'list')).toBe(0);
    expect(out).toEqual(['LOGIN  ROLE      STATUS  NAME', 'nina   reviewer  active  Nina Ruiz']);
    const hash = withUsers((users) => users.passwordHash(users.getByLogin('nina')!.id)!);
    expect(await verifyPassword('nina-password', hash)).toBe(true);
  });

  it('generates and prints a password when none is given', async () => {
    expect(await run('users', 'add', 'omar', '--role', 'viewer')).toBe(0);
    const password = /Password \(shown only this once\): (\S+)/.exec(out.join('\n'))?.[1];
    const hash = withUsers((users) => users.passwordHash(users.getByLogin('omar')!.id)!);
    expect(await verifyPassword(password!, hash)).toBe(true);
  });

  it('changes a role, resets a password and deactivates, signing sessions out', async () => {
    await run('users', 'add', 'pat', '--role', 'annotator');
    const token = withUsers((users, db) => createSessionStore(db).create(users.getByLogin('pat')!.id).token);

    expect(await run('users', 'set-role', 'pat', 'reviewer')).toBe(0);
    expect(withUsers((users) => users.getByLogin('pat')!.role)).toBe('reviewer');

    expect(await run('users', 'reset-password', 'pat', '--password', 'new-password-1')).toBe(0);
    expect(withUsers((_, db) => createSessionStore(db).actorFor(token))).toBeNull();

    expect(await run('users', 'deactivate', 'pat')).toBe(0);
    expect(withUsers((users) => users.getByLogin('pat')!.active)).toBe(false);
    expect(await run('users', 'reactivate', 'pat')).toBe(0);
    expect(withUsers((users) => users.getByLogin('pat')!.active)).toBe(true);
  });

  it('explains refusals with exit code 1 and wrong usage with exit code 2', async () => {
    expect(await run('users', 'set-role', 'ghost', 'admin')).toBe(1);
    expect(err.pop()).toBe('There is no user with the login "ghost".');
    expect(await run('users', 'add', 'q', '--role', 'viewer')).toBe(1);
    expect(err.pop()).toMatch(/2 to 40 characters/);

    expect(await run('users', 'add', 'quinn')).toBe(2);
    expect(err.pop()).toMatch(/--role/);
    expect(await run('users', 'frobnicate')).toBe(2);
    expect(await run('users', 'add', 'quinn', '--rol', 'viewer')).toBe(2);
    expect(err.pop()).toMatch(/Unknown option '--rol'/);
    expect(await run()).toBe(2);
  });

  it('prints its help with --help', async () => {
    expect(await run('--help')).toBe(0);
    expect(out.join('\n')).toMatch(/users add <login> --role <role>/);
  });
});
