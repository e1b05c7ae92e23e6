import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { SCHEMA_VERSION } from './migrations.js';

describe('openDatabase', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-db-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('creates the data directory and the SQLite file in WAL mode with full sync and foreign keys', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const db = openDatabase(dataDir);
    expect(existsSync(join(dataDir, 'factdesk.sqlite'))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('creates every table and can be opened again without migrating twice', () => {
    const dataDir = tempDir();
    openDatabase(dataDir).close();
    const db = openDatabase(dataDir);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'sessions', 'documents', 'doc_updates', 'doc_snapshots', 'audit_log', 'schema_version']),
    );
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([SCHEMA_VERSION]);
    db.close();
  });
});
