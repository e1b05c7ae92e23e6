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
  /** Every document, archived ones too, most recently updated first. */
  list(): DocumentRecord[];
  /** The documents whose title contains `query` (any case), archived ones only when asked; most recently updated first. */
  search(filter: DocumentFilter): DocumentRecord[];
  get(id: string): DocumentRecord | null;
  exists(id: string): boolean;
  insert(document: DocumentRecord): void;
  /** Archives or restores a document; false when there is no such document. */
  setArchived(id: string, archived: boolean): boolean;
  /** Records activity on a document (its claims changed) by moving `updatedAt` forward. */
  touch(id: string, at: string): void;
}

export interface DocumentFilter {
  /** Words the title must contain, as typed; empty matches every title. */
  query?: string;
  includeArchived?: boolean;
  /** At most this many (default 500). */
  limit?: number;
}

/** `text` with LIKE's wildcards taken literally (escape character "\\"). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
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
  const search = db.prepare(
    `SELECT ${COLUMNS} FROM documents
     WHERE (@includeArchived = 1 OR archived = 0) AND title LIKE @pattern ESCAPE '\\'
     ORDER BY updated_at DESC, id LIMIT @limit`,
  );
  const archive = db.prepare('UPDATE documents SET archived = ? WHERE id = ?');
  const touch = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ? AND updated_at < ?');
  return {
    list: () => (all.all() as DocumentRow[]).map(toRecord),
    search({ query = '', includeArchived = false, limit = 500 }) {
      const pattern = `%${likeLiteral(query.trim())}%`;
      const rows = search.all({ includeArchived: includeArchived ? 1 : 0, pattern, limit }) as DocumentRow[];
      return rows.map(toRecord);
    },
    get(id) {
      const row = one.get(id) as DocumentRow | undefined;
      return row ? toRecord(row) : null;
    },
    exists: (id) => has.get(id) !== undefined,
    insert: (document) => void insert.run({ ...document, archived: document.archived ? 1 : 0 }),
    setArchived: (id, archived) => archive.run(archived ? 1 : 0, id).changes > 0,
    touch: (id, at) => void touch.run(at, id, at),
  };
}
