/**
 * `factdesk repair [--dry-run]`: removes stored claim values that fail their schema from every
 * document (documents/repair.ts), the same clean-up the server runs at each start. It writes
 * the database's update log directly, so run it with the server stopped.
 */
import { createAuditLog } from '../audit/audit-log.js';
import { openDatabase } from '../db/database.js';
import { createDocumentRepository } from '../documents/documents.js';
import { repairStoredDocuments, repairSummary } from '../documents/repair.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { UsageError } from './usage-error.js';

export const REPAIR_HELP = `  repair [--dry-run]

  Finds claim values stored in any document that fail their checks (a bad verdict, target
  or source, unknown data on a claim, entries that are not claims) and removes them, each
  recorded in the audit log. --dry-run only lists them. Run it with the server stopped;
  the server also runs it at every start.
`;

/** Runs `repair` against the database in `dataDir`; returns the exit code. */
export async function repairCommand(args: string[], options: { 'dry-run'?: boolean }, context: { dataDir: string; out(line: string): void }): Promise<number> {
  if (args.length !== 0) throw new UsageError('Usage: npm run factdesk -- repair [--dry-run]');
  const dryRun = options['dry-run'] === true;
  const db = openDatabase(context.dataDir);
  const log = createSqliteUpdateLog(db);
  try {
    const repairs = repairStoredDocuments({ documents: createDocumentRepository(db), log, audit: createAuditLog(db) }, { dryRun });
    for (const line of repairSummary(repairs, dryRun)) context.out(line);
    if (repairs.length === 0) context.out('No bad stored claim values found.');
    return 0;
  } finally {
    await log.close?.();
    db.close();
  }
}
