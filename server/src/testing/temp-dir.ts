/**
 * Temporary directories for tests, removed afterwards: a real data directory with a real
 * SQLite file, never a mock of our own storage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/database.js';

/** A fresh empty directory; call the returned `remove` when done. */
export function makeTempDir(prefix = 'factdesk-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A migrated database in a fresh directory; `close` closes it and removes the directory. */
export function openTempDatabase(): { db: Db; dir: string; close(): void } {
  const dir = makeTempDir('factdesk-db-');
  const db = openDatabase(dir.path);
  return {
    db,
    dir: dir.path,
    close() {
      if (db.open) db.close();
      dir.remove();
    },
  };
}
