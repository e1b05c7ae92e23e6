/**
 * The claims index's tables. They hold derived data only (everything can be rebuilt from the
 * update log), so they live outside the migrations: when LAYOUT changes, the tables are
 * dropped and every document is indexed again at the next start.
 */
import type { Db } from '../db/database.js';

/** Bump when the columns or their meaning change. */
export const LAYOUT = 1;

/** Creates the tables (or rebuilds them empty after a layout change). */
export function ensureIndexTables(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS claims_index_layout (layout INTEGER NOT NULL)');
  const stored = db.prepare('SELECT layout FROM claims_index_layout').pluck().get() as number | undefined;
  if (stored === LAYOUT) return;
  db.transaction(() => {
    db.exec(`
      DROP TABLE IF EXISTS claims_index;
      DROP TABLE IF EXISTS claims_index_docs;
      CREATE TABLE claims_index (
        doc_id TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        status TEXT NOT NULL,
        verdict TEXT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        quote TEXT NOT NULL,
        source_domains TEXT NOT NULL CHECK (json_valid(source_domains)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        PRIMARY KEY (doc_id, claim_id)
      );
      CREATE INDEX claims_index_by_status ON claims_index(status, submitted_at);
      -- When each document's claims were last written here; a log entry newer than that
      -- (a crash between the log and the index) has the document indexed again at start.
      CREATE TABLE claims_index_docs (
        doc_id TEXT PRIMARY KEY,
        indexed_at TEXT NOT NULL
      );
      DELETE FROM claims_index_layout;
    `);
    db.prepare('INSERT INTO claims_index_layout (layout) VALUES (?)').run(LAYOUT);
  })();
}
