/**
 * The documents table: the list people pick an article from. The article itself (text,
 * versions, claims) lives in the document's Y.Doc, in the update log; this row only holds
 * what the list shows without opening every room.
 */
import type { Db } from '../db/database.js';

/** Room names appear in URLs (/collab/<id>): letters, digits, "-" and "_", up to 100. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export interface DocumentRecord {
  id: string;
  title: string;
  sourceUrl: string;
  publisher: string;
  publishedAt: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

interface DocumentRow {
  id: string;
  title: string;
  source_url: string;
  publisher: string;
  published_at: string;
  created_at: string;
  updated_at: string;
  archived: 0 | 1;
}

export interface DocumentRepository {
  /** Every document, most recently updated first. */
  list(): DocumentRecord[];
  get(id: string): DocumentRecord | null;
  exists(id: string): boolean;
  insert(document: DocumentRecord): void;
}

const COLUMNS = 'id, title, source_url, publisher, published_at, created_at, updated_at, archived';

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    sourceUrl: row.source_url,
    publisher: row.publisher,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: row.archived === 1,
  };
}

/** The documents table behind prepared statements. */
export function createDocumentRepository(db: Db): DocumentRepository {
  const all = db.prepare(`SELECT ${COLUMNS} FROM documents ORDER BY updated_at DESC, id`);
  const one = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE id = ?`);
  const has = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO documents (${COLUMNS}) VALUES
     (@id, @title, @sourceUrl, @publisher, @publishedAt, @createdAt, @updatedAt, @archived)`,
  );
  return {
    list: () => (all.all() as DocumentRow[]).map(toRecord),
    get(id) {
      const row = one.get(id) as DocumentRow | undefined;
      return row ? toRecord(row) : null;
    },
    exists: (id) => has.get(id) !== undefined,
    insert: (document) => void insert.run({ ...document, archived: document.archived ? 1 : 0 }),
  };
}
