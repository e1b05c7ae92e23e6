/**
 * `factdesk restore <file>`: puts a backup back as DATA_DIR's database. A server holding the
 * old database open would keep writing to a file that no longer has the name, so restore
 * refuses while one runs. The backup is copied beside the database and checked there before
 * anything of the old database is touched, then takes its name in one rename.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../db/database.js';
import { ApiError } from '../errors.js';
import { inspectDatabaseFile, readableSize, removeDatabaseFiles, syncToDisk, temporaryNameBeside } from './backup-command.js';
import { UsageError } from './usage-error.js';

export const RESTORE_HELP = `  restore <file> [--force]

  Replaces the database in DATA_DIR with the backup <file>, after checking it is a whole
  Factdesk database. Stop the server first: restore refuses while it runs. --force is
  needed to replace an existing database.
`;

/**
 * Whether another connection, in any process, has `file` open. Every connection to a WAL
 * database keeps a shared lock on the file for as long as it is open, idle or not, which is
 * how SQLite's last connection knows it may delete the WAL; an exclusive lock is granted
 * only when there is no other. A pid or lock file could be left behind by a crash; this lock
 * goes away with the process that held it.
 */
export function databaseInUse(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    // In exclusive locking mode the first read of a WAL database takes the file's exclusive lock.
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
    // A damaged file is one no server can be running on; replacing it is what --force is for.
    return false;
  } finally {
    db?.close();
  }
}

/** Runs `restore` of `file` into `dataDir`; returns the exit code. */
export function restoreCommand(args: string[], options: { force?: boolean }, context: { dataDir: string; out(line: string): void }): number {
  if (args.length !== 1) throw new UsageError('Usage: npm run factdesk -- restore <file> [--force]');
  const backup = resolve(args[0]);
  const live = resolve(context.dataDir, DATABASE_FILE);
  if (!existsSync(backup)) throw new ApiError(404, `There is no backup at ${backup}.`);
  if (backup === live) throw new ApiError(400, `${backup} is the live database itself.`);
  const hasDatabase = existsSync(live);
  if (hasDatabase && databaseInUse(live)) {
    throw new ApiError(409, `The database ${live} is in use: stop the Factdesk server on ${context.dataDir} before restoring. Nothing was changed.`);
  }
  if (hasDatabase && !options.force) {
    throw new ApiError(409, `${live} already exists; add --force to replace it with ${backup}. Nothing was changed.`);
  }

  mkdirSync(context.dataDir, { recursive: true });
  const temporary = temporaryNameBeside(live);
  try {
    copyFileSync(backup, temporary);
    let summary;
    try {
      summary = inspectDatabaseFile(temporary);
    } catch (error) {
      // Name the file the person gave, not the copy.
      throw error instanceof ApiError ? new ApiError(error.status, `${error.message.replaceAll(temporary, backup)} Nothing was changed.`) : error;
    }
    syncToDisk(temporary);
    // The old WAL belongs to the old database: replayed over the restored one it would corrupt it.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(live + suffix, { force: true });
    renameSync(temporary, live);
    syncToDisk(context.dataDir);
    context.out(
      `Restored ${backup} into ${live}: ${readableSize(summary.bytes)}, ${summary.documents} documents, schema version ${summary.schemaVersion}.` +
        (hasDatabase ? ' The previous database was replaced.' : ''),
    );
    return 0;
  } finally {
    removeDatabaseFiles(temporary);
  }
}
