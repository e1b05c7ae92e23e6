/**
 * The schema, as an append-only list of migrations. `schema_version` remembers how many
 * have run, so opening the database again runs only the new ones. Never edit a migration
 * that has shipped: add the next one.
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'annotator', 'reviewer', 'admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions(user_id);
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source_url TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    published_at TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
  );
  -- The log is keyed by room name and has no foreign key to documents, so the rooms can be
  -- tested on a bare log; documents are never deleted, only archived.
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX doc_updates_by_doc ON doc_updates(doc_id, seq);
  CREATE TABLE doc_snapshots (
    doc_id TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
  );
  `,
  `
  -- Workspace settings (settings/): one JSON value per key.
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL,
    updated_by TEXT
  );
  -- "For you" (notifications/): one row per person and event; \`event_key\` makes recording idempotent.
  CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    event_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('mention', 'review-request', 'decision')),
    doc_id TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    detail TEXT NOT NULL CHECK (json_valid(detail)),
    created_at TEXT NOT NULL,
    read_at TEXT,
    UNIQUE (user_id, event_key)
  );
  CREATE INDEX notifications_by_user ON notifications(user_id, id);
  `,
  `
  -- Which user wrote first under each Yjs client id of a document (rooms/room.ts): nobody
  -- writes on under an id another person wrote with, across restarts too.
  CREATE TABLE doc_client_owners (
    doc_id TEXT NOT NULL,
    client INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, client)
  ) WITHOUT ROWID;
  `,
];

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs every migration the database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  const current = row?.version ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`The database has schema version ${current}, newer than this Factdesk (${MIGRATIONS.length}).`);
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      db.prepare('UPDATE schema_version SET version = ?').run(version);
    })();
  }
}
