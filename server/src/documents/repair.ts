/**
 * Removes stored claim values that fail their schema (shared/src/repair-claims.ts) from every
 * document: at each start, after the seeds and before anything reads claims, and as
 * `npm run factdesk -- repair`. Each document is loaded from its update log and repaired as a
 * server write — one update appended to the log — and each removed value is recorded in the
 * audit log by claim, field and a short escaped preview, never the value itself. It works on
 * the log, not on open rooms: it runs before the rooms open, or with the server stopped.
 */
import * as Y from 'yjs';
import { findStoredProblems, repairStoredClaims, type StoredProblem } from '@factdesk/shared';
import type { AuditLog } from '../audit/audit-log.js';
import type { UpdateLog } from '../rooms/types.js';
import type { DocumentRepository } from './documents.js';

export interface RepairStores {
  documents: Pick<DocumentRepository, 'list'>;
  log: Pick<UpdateLog, 'load' | 'append'>;
  audit: Pick<AuditLog, 'record'>;
}

/** What a repair found (and, unless a dry run, removed) in one document. */
export interface DocumentRepair {
  documentId: string;
  problems: StoredProblem[];
}

/** The audit action of one removed value. */
export const REPAIR_ACTION = 'claim.stored-value-removed';

/** Repairs every document (or, with `dryRun`, only looks); returns the documents that had bad values. */
export function repairStoredDocuments(stores: RepairStores, options: { dryRun?: boolean } = {}): DocumentRepair[] {
  const repairs: DocumentRepair[] = [];
  for (const { id } of stores.documents.list()) {
    const doc = new Y.Doc();
    try {
      for (const update of stores.log.load(id)) Y.applyUpdate(doc, update);
      const before = Y.encodeStateVector(doc);
      const problems = options.dryRun ? findStoredProblems(doc) : repairStoredClaims(doc);
      if (problems.length === 0) continue;
      if (!options.dryRun) {
        stores.log.append(id, Y.encodeStateAsUpdate(doc, before));
        for (const problem of problems) stores.audit.record(null, REPAIR_ACTION, { documentId: id, ...problem });
      }
      repairs.push({ documentId: id, problems });
    } finally {
      doc.destroy();
    }
  }
  return repairs;
}

/** The repair run at each start: removes, and logs one line per document it changed. */
export function repairAtStart(stores: RepairStores, log: (message: string) => void): DocumentRepair[] {
  const repairs = repairStoredDocuments(stores);
  for (const line of repairSummary(repairs)) log(line);
  return repairs;
}

/** One line per document for people: how many values were (or would be) removed. */
export function repairSummary(repairs: readonly DocumentRepair[], dryRun = false): string[] {
  const verb = dryRun ? 'would remove' : 'removed';
  return repairs.map(({ documentId, problems }) => {
    const fields = [...new Set(problems.map((p) => p.field))].join(', ');
    return `Document ${documentId}: ${verb} ${problems.length} bad stored claim value${problems.length === 1 ? '' : 's'} (${fields}).`;
  });
}
