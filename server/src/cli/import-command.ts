/**
 * `factdesk import <file> …`: a new article from a text, Markdown or HTML file, for a
 * newsroom that scripts its intake. Like `export`, it works on DATA_DIR's database
 * directly — a new document is a new row and the first update of a new log, which nothing
 * else is writing yet, so a running server simply lists it — and it runs the same import
 * as `POST /api/documents`.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { IMPORT_FORMATS, IMPORT_LIMITS, isImportFormat, type ImportFormat } from '@factdesk/shared';
import { createAuditLog } from '../audit/audit-log.js';
import { openDatabase } from '../db/database.js';
import { createDocument } from '../documents/create-document.js';
import { createDocumentRepository } from '../documents/documents.js';
import { ApiError } from '../errors.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { UsageError } from './usage-error.js';

export const IMPORT_HELP = `  import <file> [--format text|markdown|html] [--title <title>] [--source-url <url>]
         [--publisher <name>] [--published-at <YYYY-MM-DD>]

  Imports an article as a new document and prints its id. The format follows the
  file's extension (.txt, .md, .html) unless --format says otherwise; the title
  defaults to the article's first heading or line.
`;

export interface ImportOptions {
  format?: string;
  title?: string;
  'source-url'?: string;
  publisher?: string;
  'published-at'?: string;
}

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** Runs `import` against the database in `dataDir`; returns the exit code. */
export function importCommand(args: string[], options: ImportOptions, context: { dataDir: string; out(line: string): void }): number {
  if (args.length !== 1) throw new UsageError('Usage: npm run factdesk -- import <file> [--format text|markdown|html] [--title …]');
  const [file] = args;
  const format = options.format ?? FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
  if (!isImportFormat(format)) {
    throw new UsageError(`Say which format with --format (${IMPORT_FORMATS.join(', ')}); "${extname(file) || file}" is not one the tool knows.`);
  }
  const content = readArticleFile(file);

  const db = openDatabase(context.dataDir);
  try {
    const stores = { db, documents: createDocumentRepository(db), log: createSqliteUpdateLog(db) };
    const record = createDocument(stores, {
      format,
      content,
      title: options.title,
      sourceUrl: options['source-url'],
      publisher: options.publisher,
      publishedAt: options['published-at'],
    });
    createAuditLog(db).record(null, 'document.imported', {
      documentId: record.id,
      title: record.title,
      format,
      characters: content.length,
      via: 'cli',
    });
    context.out(`Imported "${record.title}" as document ${record.id}.`);
    return 0;
  } finally {
    db.close();
  }
}

/** The file's text; refuses a missing, oversized or non-UTF-8 file before reading much of it. */
function readArticleFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ApiError(400, `Cannot read ${file}: there is no such file.`);
  }
  if (size > IMPORT_LIMITS.maxContentBytes) {
    throw new ApiError(413, `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; at most ${IMPORT_LIMITS.maxContentBytes / 1024 / 1024} MB can be imported.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(readFileSync(file));
  } catch {
    throw new ApiError(400, `${file} is not UTF-8 text.`);
  }
}
