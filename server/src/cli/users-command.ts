/**
 * `factdesk users …`: managing the team from a shell, for the first admin's lost password
 * or a script that onboards a newsroom. Same rules as the Team page (auth/team.ts).
 */
import { createAuditLog } from '../audit/audit-log.js';
import { createSessionStore } from '../auth/sessions.js';
import { createTeam } from '../auth/team.js';
import { createUserRepository } from '../auth/users.js';
import { openDatabase } from '../db/database.js';
import { UsageError } from './usage-error.js';

export const USERS_HELP = `Commands:
  users list
  users add <login> --role <role> [--name <name>] [--password <password>]
  users set-role <login> <role>
  users reset-password <login> [--password <password>]
  users deactivate <login>
  users reactivate <login>

  Roles: viewer, annotator, reviewer, admin. Without --password, a password is generated
  and printed once. Changes apply to the next request; people already in an article
  keep their old rights until they reconnect.
`;

export interface UsersOptions {
  role?: string;
  name?: string;
  password?: string;
}

function expectArgs(args: string[], count: number, usage: string): void {
  if (args.length !== count) throw new UsageError(`Usage: npm run factdesk -- users ${usage}`);
}

/** Runs one `users` subcommand against the database in `dataDir`; returns the exit code. */
export async function usersCommand(
  args: string[],
  options: UsersOptions,
  context: { dataDir: string; out(line: string): void },
): Promise<number> {
  const [action, ...rest] = args;
  const db = openDatabase(context.dataDir);
  try {
    const users = createUserRepository(db);
    const sessions = createSessionStore(db);
    const team = createTeam({ users, sessions, audit: createAuditLog(db) });
    const { out } = context;
    const showPassword = (password: string | undefined) => {
      if (password) out(`Password (shown only this once): ${password}`);
    };

    switch (action) {
      case 'list': {
        expectArgs(rest, 0, 'list');
        const rows = users.list().map((u) => [u.login, u.role, u.active ? 'active' : 'deactivated', u.name]);
        const header = ['LOGIN', 'ROLE', 'STATUS', 'NAME'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        for (const row of [header, ...rows]) out(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
        return 0;
      }
      case 'add': {
        expectArgs(rest, 1, 'add <login> --role <role> [--name <name>] [--password <password>]');
        if (!options.role) throw new UsageError('Say which role with --role (viewer, annotator, reviewer or admin).');
        const { user, generatedPassword } = await team.add(
          { login: rest[0], role: options.role, name: options.name, password: options.password },
          null,
        );
        out(`Added ${user.login} (${user.name}) as ${user.role}.`);
        showPassword(generatedPassword);
        return 0;
      }
      case 'set-role': {
        expectArgs(rest, 2, 'set-role <login> <role>');
        const { user } = team.update(team.byLogin(rest[0]).id, { role: rest[1] }, null);
        out(`${user.login} is now ${user.role}.`);
        return 0;
      }
      case 'reset-password': {
        expectArgs(rest, 1, 'reset-password <login> [--password <password>]');
        const { user, generatedPassword } = await team.resetPassword(team.byLogin(rest[0]).id, options.password, null);
        out(`Reset the password of ${user.login}; their sessions are signed out.`);
        showPassword(generatedPassword);
        return 0;
      }
      case 'deactivate':
      case 'reactivate': {
        expectArgs(rest, 1, `${action} <login>`);
        const { user } = team.update(team.byLogin(rest[0]).id, { active: action === 'reactivate' }, null);
        out(action === 'deactivate' ? `Deactivated ${user.login}; their sessions are signed out.` : `Reactivated ${user.login}.`);
        return 0;
      }
      default:
        throw new UsageError(action ? `Unknown users command "${action}".` : 'Say which users command to run.');
    }
  } finally {
    db.close();
  }
}
