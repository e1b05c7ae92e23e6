/**
 * `factdesk backup` and `factdesk restore` against a real server and real y-websocket clients:
 * a backup taken under steady writes holds every acknowledged claim, and restore refuses,
 * changing nothing, whenever it cannot put a whole Factdesk database back safely.
 */
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClaim, listClaims } from '@factdesk/shared';
import { DATABASE_FILE, openDatabase } from '../db/database.js';
import { createDocumentRepository } from '../documents/documents.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { spawnServer } from '../testing/server-process.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { runCli } from './run.js';

const SEEDS = { 'bridge.txt': 'Mayor promises new bridge\nIt will open in 2027.' };
const DOC = 'bridge';
const target = { version: 1, quote: { exact: 'open in 2027', prefix: 'It will ', suffix: '.' }, position: { start: 8, end: 20 } };

describe('factdesk backup and restore', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let out: string[];
  let err: string[];
  const servers: TestServer[] = [];
  const clients: CollabClient[] = [];
  const run = (dataDir: string, ...argv: string[]) => runCli(argv, { env: { DATA_DIR: dataDir }, out: (l) => out.push(l), err: (l) => err.push(l) });
  const startServer = async (dataDir?: string) => {
    const server = await startTestServer({ seeds: SEEDS, dataDir });
    servers.push(server);
    return server;
  };
  const connect = (server: TestServer, token: string) => {
    const client = connectCollab(server.url, DOC, token);
    clients.push(client);
    return client;
  };
  const stopServer = async (server: TestServer) => {
    for (const client of clients.splice(0)) client.destroy();
    servers.splice(servers.indexOf(server), 1);
    await server.close();
  };
  /** A data directory with a database of one seeded article, no server on it. */
  const seededDataDir = async (name: string) => {
    const dataDir = join(dir.path, name);
    await stopServer(await startServer(dataDir));
    return dataDir;
  };
  const documentTitles = (dataDir: string) => {
    const db = openDatabase(dataDir);
    try {
      return createDocumentRepository(db)
        .list()
        .map((d) => d.title);
    } finally {
      db.close();
    }
  };
  const filesOf = (path: string) => readdirSync(path).sort();

  beforeEach(() => {
    dir = makeTempDir('factdesk-backup-');
    out = [];
    err = [];
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.close();
    dir.remove();
  });

  it('a backup taken while a client keeps writing claims restores every claim acknowledged before it started', async () => {
    const live = await startServer(join(dir.path, 'live'));
    const anna = await live.addUser('anna', 'annotator');
    const writer = connect(live, anna.token);
    const observer = connect(live, await live.adminToken());
    await Promise.all([writer.synced(), observer.synced()]);

    // The server logs an update before it broadcasts it, so a claim the observer sees is acknowledged.
    const acknowledged = () => listClaims(observer.doc).map((c) => c.id);
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        const id = createClaim(writer.doc, { id: anna.id, name: 'anna' }, { target, verdict: 'mixed', rationale: `Claim ${++written}.`, sources: [] });
        await observer.until((doc) => listClaims(doc).some((c) => c.id === id));
      }
    })();
    const backup = join(dir.path, 'backup.sqlite');
    let before: string[];
    try {
      await expect.poll(() => acknowledged().length).toBeGreaterThanOrEqual(20);
      before = acknowledged();
      expect(await run(live.dataDir, 'backup', backup)).toBe(0);
      // The writes went on across the backup, not only up to it.
      const afterBackup = acknowledged().length;
      await expect.poll(() => acknowledged().length).toBeGreaterThan(afterBackup);
    } finally {
      writing = false;
      await writes;
    }
    expect(writer.rejections).toEqual([]);
    expect(out).toEqual([expect.stringMatching(new RegExp(`^Backed up .+ to ${backup}: [\\d.]+ (bytes|kB|MB), 1 documents, schema version \\d+\\.$`))]);
    expect(out.join('\n')).not.toMatch(/admin-password|password_hash|\$argon|\$scrypt/i);
    expect(readdirSync(dir.path).filter((name) => name.includes('partial'))).toEqual([]);

    const restored = join(dir.path, 'restored');
    expect(await run(restored, 'restore', backup)).toBe(0);
    expect(out[1]).toMatch(/^Restored .+backup\.sqlite into .+factdesk\.sqlite: .+, 1 documents, schema version \d+\.$/);

    const again = await startServer(restored);
    const reader = connect(again, await again.adminToken());
    await reader.synced();
    const restoredIds = new Set(listClaims(reader.doc).map((c) => c.id));
    expect(before.filter((id) => !restoredIds.has(id))).toEqual([]);
  });

  it('backup refuses to replace an existing file unless --force is given', async () => {
    const dataDir = await seededDataDir('data');
    const backup = join(dir.path, 'backup.sqlite');
    writeFileSync(backup, 'yesterday');

    expect(await run(dataDir, 'backup', backup)).toBe(1);
    expect(err).toEqual([`${backup} already exists; add --force to replace it.`]);
    expect(readFileSync(backup, 'utf8')).toBe('yesterday');

    expect(await run(dataDir, 'backup', backup, '--force')).toBe(0);
    expect(statSync(backup).size).toBeGreaterThan(4096);
  });

  it('backup refuses a data directory without a database instead of creating an empty one', async () => {
    const empty = join(dir.path, 'empty');
    expect(await run(empty, 'backup', join(dir.path, 'backup.sqlite'))).toBe(1);
    expect(err[0]).toMatch(/^There is no database to back up at .+factdesk\.sqlite/);
    expect(existsSync(empty)).toBe(false);
  });

  it('restore refuses while a server runs on the data directory, even an idle one', async () => {
    const backup = join(dir.path, 'backup.sqlite');
    expect(await run(await seededDataDir('source'), 'backup', backup)).toBe(0);
    const live = await startServer(join(dir.path, 'live'));

    expect(await run(live.dataDir, 'restore', backup, '--force')).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^The database .+ is in use: stop the Factdesk server on .+ before restoring\. Nothing was changed\.$/)]);
    expect((await live.call('/api/documents', { token: await live.adminToken() })).status).toBe(200);

    await stopServer(live);
    expect(await run(live.dataDir, 'restore', backup, '--force')).toBe(0);
  });

  it('restore refuses while a server process of its own runs on the data directory, and works once it has stopped', async () => {
    const backup = join(dir.path, 'backup.sqlite');
    expect(await run(await seededDataDir('source'), 'backup', backup)).toBe(0);
    const dataDir = join(dir.path, 'live');
    const server = await spawnServer(dataDir, 'admin-password-for-tests');
    try {
      expect(await run(dataDir, 'restore', backup, '--force')).toBe(1);
      expect(err[0]).toMatch(/is in use: stop the Factdesk server/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(await run(dataDir, 'restore', backup, '--force')).toBe(0);
  });

  it('restore refuses to replace an existing database unless --force is given', async () => {
    const backup = join(dir.path, 'backup.sqlite');
    expect(await run(await seededDataDir('source'), 'backup', backup)).toBe(0);
    const dataDir = await seededDataDir('data');
    const files = filesOf(dataDir);

    expect(await run(dataDir, 'restore', backup)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/factdesk\.sqlite already exists; add --force to replace it with .+backup\.sqlite\. Nothing was changed\.$/)]);
    expect(filesOf(dataDir)).toEqual(files);

    expect(await run(dataDir, 'restore', backup, '--force')).toBe(0);
    expect(out[1]).toMatch(/The previous database was replaced\.$/);
    expect(documentTitles(dataDir)).toEqual(['Mayor promises new bridge']);
  });

  it('restore refuses a file that is not a database, or a truncated backup, with a clear message and changes nothing', async () => {
    const dataDir = await seededDataDir('data');
    const database = join(dataDir, DATABASE_FILE);
    const files = filesOf(dataDir);
    const bytes = readFileSync(database);

    const notes = join(dir.path, 'notes.txt');
    writeFileSync(notes, 'This is a shopping list, not a database.\n'.repeat(200));
    expect(await run(dataDir, 'restore', notes, '--force')).toBe(1);
    expect(err[0]).toMatch(/^.+notes\.txt is not a usable Factdesk database \(SQLITE_NOTADB: .+\)\. Nothing was changed\.$/);

    const truncated = join(dir.path, 'truncated.sqlite');
    expect(await run(dataDir, 'backup', truncated)).toBe(0);
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    expect(await run(dataDir, 'restore', truncated, '--force')).toBe(1);
    expect(err[1]).toMatch(/truncated\.sqlite (is a damaged SQLite database|is not a usable Factdesk database).*Nothing was changed\.$/);

    const foreign = join(dir.path, 'other-app.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    expect(await run(dataDir, 'restore', foreign, '--force')).toBe(1);
    expect(err[2]).toMatch(/other-app\.sqlite is an SQLite database but not a Factdesk one \(no schema_version or documents table\)\. Nothing was changed\.$/);

    expect(filesOf(dataDir)).toEqual(files);
    expect(readFileSync(database).equals(bytes)).toBe(true);
    expect(documentTitles(dataDir)).toEqual(['Mayor promises new bridge']);
  });
});
