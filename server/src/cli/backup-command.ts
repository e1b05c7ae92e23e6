/**
 * `factdesk backup <file>`: a consistent copy of the live database, safe to take while the
 * server writes. It uses SQLite's online backup, which reads one snapshot through the WAL
 * without stopping the server, and only gives the copy its final name once it is complete
 * and checked, so a file with the backup's name is always a whole backup.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../db/database.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { ApiError } from '../errors.js';
import { UsageError } from './usage-error.js';

export const BACKUP_HELP = `  backup <file> [--force]

  Copies the database in DATA_DIR to <file>, consistently, while the server keeps running
  and writing. --force replaces an existing <file>. The backup holds password hashes:
  keep it as safe as the data directory.
`;

/** What a checked database file holds, for the commands' messages (never any of its data). */
export interface DatabaseSummary {
  bytes: number;
  documents: number;
  schemaVersion: number;
}

/**
 * Checks that `file` is a whole Factdesk database this version can open: SQLite's integrity
 * check passes and it has a `schema_version` no newer than ours. Throws a readable error.
 */
export function inspectDatabaseFile(file: string): DatabaseSummary {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new ApiError(400, `${file} is a damaged SQLite database (integrity check: ${String(integrity)}).`);
    const hasVersion = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
    const schemaVersion = hasVersion ? (db.prepare('SELECT version FROM schema_version').pluck().get() as number | undefined) : undefined;
    if (!schemaVersion || !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get()) {
      throw new ApiError(400, `${file} is an SQLite database but not a Factdesk one (no schema_version or documents table).`);
    }
    if (schemaVersion > SCHEMA_VERSION) {
      throw new ApiError(400, `${file} has schema version ${schemaVersion}, newer than this Factdesk (${SCHEMA_VERSION}).`);
    }
    const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    return { bytes: statSync(file).size, documents, schemaVersion };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof Database.SqliteError) {
      throw new ApiError(400, `${file} is not a usable Factdesk database (${error.code}: ${error.message}).`);
    }
    throw error;
  } finally {
    db?.close();
  }
}

/** A name beside `target` that no other run picks, hidden so nobody takes it for a backup. */
export function temporaryNameBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

/** Removes a temporary database and whatever SQLite left beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Flushes a file, or a directory's entries (so a rename survives a power loss), to the disk. */
export function syncToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** "1.2 MB", for people reading the messages. */
export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Runs `backup` of the database in `dataDir`; returns the exit code. */
export async function backupCommand(args: string[], options: { force?: boolean }, context: { dataDir: string; out(line: string): void }): Promise<number> {
  if (args.length !== 1) throw new UsageError('Usage: npm run factdesk -- backup <file> [--force]');
  const target = resolve(args[0]);
  const source = join(context.dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new ApiError(404, `There is no database to back up at ${source} (is DATA_DIR right?).`);
  if (target === resolve(source)) throw new ApiError(400, `${target} is the live database itself; back it up to another file.`);
  if (existsSync(target) && !options.force) throw new ApiError(409, `${target} already exists; add --force to replace it.`);
  if (!existsSync(dirname(target))) throw new ApiError(400, `The directory ${dirname(target)} does not exist.`);

  const temporary = temporaryNameBeside(target);
  // Not openDatabase: a backup must not migrate or create the database it copies.
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All remaining pages in one step: SQLite restarts a stepwise backup whenever another
    // connection writes between steps, so under a server's steady writes it might never end.
    // One step reads one WAL snapshot and does not block the server's writes.
    await db.backup(temporary, { progress: () => 0x7fffffff });
    db.close();
    const summary = inspectDatabaseFile(temporary);
    syncToDisk(temporary);
    renameSync(temporary, target);
    syncToDisk(dirname(target));
    context.out(
      `Backed up ${source} to ${target}: ${readableSize(summary.bytes)}, ${summary.documents} documents, schema version ${summary.schemaVersion}.`,
    );
    return 0;
  } finally {
    if (db.open) db.close();
    removeDatabaseFiles(temporary);
  }
}
