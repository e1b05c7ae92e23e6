/**
 * `factdesk export <docId> …`: the export without the web app, for archiving scripts and
 * for a newsroom whose server is down. It reads the document straight from the database's
 * update log (snapshot + updates), so it needs no running server, and runs the same
 * exporters as the API.
 */
import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { EXPORT_FORMATS, INCLUDE_OPTIONS, exportDoc, isExportFormat, type Include } from '@factdesk/shared';
import { openDatabase } from '../db/database.js';
import { createDocumentRepository } from '../documents/documents.js';
import { notFound } from '../errors.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { UsageError } from './usage-error.js';

export const EXPORT_HELP = `  export <docId> --format html|jsonld|csv [--include approved|all] [--out <file>]

  Exports an article with its claims: annotated HTML with ClaimReview, W3C Web
  Annotations (JSON-LD) or CSV. --include all adds the claims not signed off yet
  (default: signed-off claims only). Without --out, the export is printed.
`;

export interface ExportOptions {
  format?: string;
  include?: string;
  out?: string;
}

/** Runs `export` against the database in `dataDir`; returns the exit code. */
export function exportCommand(args: string[], options: ExportOptions, context: { dataDir: string; organisation?: string; out(line: string): void }): number {
  if (args.length !== 1) throw new UsageError('Usage: npm run factdesk -- export <docId> --format html|jsonld|csv [--include all] [--out <file>]');
  const [docId] = args;
  const format = options.format ?? '';
  if (!isExportFormat(format)) throw new UsageError(`Say which format with --format (${EXPORT_FORMATS.join(', ')}).`);
  const include = options.include ?? 'approved';
  if (!(INCLUDE_OPTIONS as readonly string[]).includes(include)) {
    throw new UsageError(`--include is one of ${INCLUDE_OPTIONS.join(', ')}.`);
  }

  const db = openDatabase(context.dataDir);
  const doc = new Y.Doc();
  try {
    if (!createDocumentRepository(db).exists(docId)) throw notFound(`There is no document "${docId}".`);
    for (const update of createSqliteUpdateLog(db).load(docId)) Y.applyUpdate(doc, update);
    const result = exportDoc(doc, { format, include: include as Include, documentId: docId, organisation: context.organisation });
    if (options.out) {
      writeFileSync(options.out, result.text);
      context.out(`Wrote ${options.out} (${format}, ${include === 'all' ? 'all claims' : 'signed-off claims'}).`);
    } else context.out(result.text.replace(/\r?\n$/, ''));
    return 0;
  } finally {
    doc.destroy();
    db.close();
  }
}
