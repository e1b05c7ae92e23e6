/**
 * The command-line tool (`npm run factdesk -- …`), as a function from arguments to an exit
 * code so tests can run it in-process. `users`, `import` and `export` work on DATA_DIR's database
 * directly — the server may be running, SQLite lets both write — and share the team rules
 * with the API; `import-annotations` writes claims, which live in the server's rooms, so it
 * goes through the running server's API instead.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { ApiError } from '../errors.js';
import { backupCommand, BACKUP_HELP } from './backup-command.js';
import { exportCommand, EXPORT_HELP } from './export-command.js';
import { importAnnotationsCommand, IMPORT_ANNOTATIONS_HELP } from './import-annotations-command.js';
import { importCommand, IMPORT_HELP } from './import-command.js';
import { newVersionCommand, NEW_VERSION_HELP } from './version-command.js';
import { repairCommand, REPAIR_HELP } from './repair-command.js';
import { restoreCommand, RESTORE_HELP } from './restore-command.js';
import { UsageError } from './usage-error.js';
import { usersCommand, USERS_HELP } from './users-command.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const HELP = `Factdesk command-line tool

Usage: npm run factdesk -- <command> [options]

${USERS_HELP}
${IMPORT_HELP}
${EXPORT_HELP}
${IMPORT_ANNOTATIONS_HELP}
${NEW_VERSION_HELP}
${REPAIR_HELP}
${BACKUP_HELP}
${RESTORE_HELP}
Environment:
  DATA_DIR            the data directory holding factdesk.sqlite (default ./data)
  FACTDESK_PASSWORD   the password import-annotations and new-version sign in with

Exit codes: 0 done, 1 refused or failed (the message says why), 2 wrong usage.`;

/** Runs one command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        format: { type: 'string' },
        include: { type: 'string' },
        out: { type: 'string' },
        login: { type: 'string' },
        server: { type: 'string' },
        title: { type: 'string' },
        'source-url': { type: 'string' },
        publisher: { type: 'string' },
        'published-at': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\nRun "npm run factdesk -- --help" for the commands.`);
    return EXIT.usage;
  }
  const { positionals, values } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  try {
    const [group, ...rest] = positionals;
    if (group === 'users') return await usersCommand(rest, values, { dataDir: loadConfig(io.env).dataDir, out: io.out });
    if (group === 'export') {
      const { dataDir, organisation } = loadConfig(io.env);
      return exportCommand(rest, values, { dataDir, organisation, out: io.out });
    }
    if (group === 'import') return importCommand(rest, values, { dataDir: loadConfig(io.env).dataDir, out: io.out });
    if (group === 'import-annotations') return await importAnnotationsCommand(rest, values, { env: io.env, out: io.out });
    if (group === 'repair') return await repairCommand(rest, values, { dataDir: loadConfig(io.env).dataDir, out: io.out });
    if (group === 'backup') return await backupCommand(rest, values, { dataDir: loadConfig(io.env).dataDir, out: io.out });
    if (group === 'restore') return restoreCommand(rest, values, { dataDir: loadConfig(io.env).dataDir, out: io.out });
    if (group === 'new-version') return await newVersionCommand(rest, values, { env: io.env, out: io.out });
    throw new UsageError(`Unknown command "${group}".`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nRun "npm run factdesk -- --help" for the commands.`);
      return EXIT.usage;
    }
    io.err(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
}
