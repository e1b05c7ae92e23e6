/**
 * The claims index: one SQLite row per claim of every document, so the review queue and the
 * article list can answer without opening every room. Rooms tell it about changed claims
 * (`onClaimsChanged`); it reads them at once and writes them in one transaction a moment
 * later, since one fsync per keystroke would double the cost of every update. Reads flush
 * first, so an answer always covers every change made before it.
 */
import * as Y from 'yjs';
import { CLAIM_STATUSES, VERDICT_IDS, listClaims, readClaim, type ClaimStatus, type VerdictId } from '@factdesk/shared';
import type { Db } from '../db/database.js';
import type { ClaimsChange, UpdateLog } from '../rooms/types.js';
import { ensureIndexTables } from './schema.js';
import { summariseClaim, type ClaimSummary } from './summarise.js';

/**
 * How long changes gather before they are written. Every read flushes first, so this only
 * bounds how many fsyncs the index costs a busy server (one a second, at most).
 */
const FLUSH_AFTER_MS = 1_000;

/** The claim fields an index row is made of ('*': the claim was created or deleted). */
const INDEXED_FIELDS = new Set(['*', 'status', 'verdict', 'author', 'target', 'sources', 'createdAt', 'anchor']);

interface Pending {
  whole: ClaimSummary[] | null;
  claims: Map<string, ClaimSummary | null>;
  active: boolean;
}

export interface ClaimCounts {
  byStatus: Record<ClaimStatus, number>;
  byVerdict: Record<VerdictId, number>;
  total: number;
}

/** A claim waiting for review, with the article it belongs to. */
export interface QueuedClaim extends ClaimSummary {
  documentTitle: string;
}

export interface ClaimsIndex {
  /** The rooms' listener (RoomsOptions.onClaimsChanged). */
  onClaimsChanged(change: ClaimsChange): void;
  /** Indexes, from the update log, each document never indexed or changed since; returns how many. */
  backfill(documentIds: readonly string[], log: UpdateLog): number;
  /** Every claim in review on a non-archived article, the longest waiting first. */
  reviewQueue(): QueuedClaim[];
  /** Claim counts per document (documents without claims are absent). */
  counts(): Map<string, ClaimCounts>;
  /** Writes the changes gathered so far. */
  flush(): void;
  /** Flushes and stops the timer; call before closing the database. */
  close(): void;
}

interface Row {
  doc_id: string;
  claim_id: string;
  status: string;
  verdict: string;
  author_id: string;
  author_name: string;
  quote: string;
  source_domains: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  title: string;
}

/** Counts with every status and verdict present (zero when none). */
export function emptyCounts(): ClaimCounts {
  return {
    byStatus: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>,
    byVerdict: Object.fromEntries(VERDICT_IDS.map((v) => [v, 0])) as Record<VerdictId, number>,
    total: 0,
  };
}

/** The index over the server's database (creating its tables if needed). */
export function createClaimsIndex(db: Db): ClaimsIndex {
  ensureIndexTables(db);
  const upsert = db.prepare(
    `INSERT INTO claims_index (doc_id, claim_id, status, verdict, author_id, author_name, quote, source_domains, created_at, updated_at, submitted_at)
     VALUES (@docId, @claimId, @status, @verdict, @authorId, @authorName, @quote, @sourceDomains, @createdAt, @updatedAt, @submittedAt)
     ON CONFLICT (doc_id, claim_id) DO UPDATE SET status = excluded.status, verdict = excluded.verdict,
       author_id = excluded.author_id, author_name = excluded.author_name, quote = excluded.quote,
       source_domains = excluded.source_domains, created_at = excluded.created_at,
       updated_at = excluded.updated_at, submitted_at = excluded.submitted_at`,
  );
  const remove = db.prepare('DELETE FROM claims_index WHERE doc_id = ? AND claim_id = ?');
  const removeDoc = db.prepare('DELETE FROM claims_index WHERE doc_id = ?');
  const markIndexed = db.prepare(
    `INSERT INTO claims_index_docs (doc_id, indexed_at) VALUES (?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET indexed_at = excluded.indexed_at`,
  );
  const indexedAt = db.prepare('SELECT indexed_at FROM claims_index_docs WHERE doc_id = ?').pluck();
  // The update log's own tables: when did this document last change on disk?
  const lastLogged = db
    .prepare(
      `SELECT max(at) FROM (SELECT max(created_at) AS at FROM doc_updates WHERE doc_id = @doc
       UNION ALL SELECT created_at FROM doc_snapshots WHERE doc_id = @doc)`,
    )
    .pluck();
  const queue = db.prepare(
    `SELECT c.*, d.title FROM claims_index c JOIN documents d ON d.id = c.doc_id
     WHERE c.status = 'in-review' AND d.archived = 0
     ORDER BY coalesce(c.submitted_at, c.updated_at), c.created_at, c.doc_id, c.claim_id`,
  );
  const grouped = db.prepare('SELECT doc_id, status, verdict, count(*) AS n FROM claims_index GROUP BY doc_id, status, verdict');

  /** Pending writes: per document, each claim's latest summary (null: deleted), or the whole doc; `active` when people changed it. */
  const pending = new Map<string, Pending>();
  /** Documents indexed at least once (asked of SQLite otherwise: once per document per flush, on the hot path). */
  const indexed = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  const touchDocument = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ? AND updated_at < ?');
  const write = db.transaction((entries: [string, Pending][]) => {
    const now = new Date().toISOString();
    for (const [docId, { whole, claims, active }] of entries) {
      // The article list's "last activity", in the same transaction: no fsync of its own.
      if (active) touchDocument.run(now, docId, now);
      if (whole) {
        removeDoc.run(docId);
        for (const summary of whole) upsert.run(toParams(summary));
      }
      for (const [claimId, summary] of claims) {
        if (summary) upsert.run(toParams(summary));
        else remove.run(docId, claimId);
      }
      markIndexed.run(docId, now);
    }
    for (const [docId] of entries) indexed.add(docId);
  });

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    const entries = [...pending];
    pending.clear();
    // Without an fsync of its own (it ran on the event loop once a second, a 5–40 ms stop on a
    // busy disk). The index can be lost on a power cut, never wrong: the next commit with
    // synchronous = FULL (the update log's, within milliseconds on a busy server) makes the WAL
    // durable up to it, and a document whose index is older than its log is indexed again at
    // start (backfill).
    db.pragma('synchronous = NORMAL');
    try {
      write(entries);
    } finally {
      db.pragma('synchronous = FULL');
    }
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(flush, FLUSH_AFTER_MS);
    timer.unref();
  }

  function wholeDoc(docId: string, doc: Y.Doc): ClaimSummary[] {
    return listClaims(doc).map((claim) => summariseClaim(docId, claim));
  }

  return {
    onClaimsChanged(change) {
      const { docId, doc, claimIds } = change;
      let entry = pending.get(docId);
      if (!entry) {
        // A document this index has never seen (created while running): take all of it.
        const known = indexed.has(docId) || indexedAt.get(docId) !== undefined;
        entry = { whole: known ? null : wholeDoc(docId, doc), claims: new Map(), active: true };
        pending.set(docId, entry);
      }
      for (const id of claimIds) {
        // Most updates are edits of a rationale: nothing the index holds changes (its `updatedAt`
        // is that of the last change it shows).
        const written = change.fields.get(id);
        if (written && ![...written].some((field) => INDEXED_FIELDS.has(field))) continue;
        // Runs on every accepted update: the growing lists are read only when needed — the
        // history for when a claim in review entered it (the queue's order), the thread never.
        const light = readClaim(doc, id, { history: false, thread: false });
        const claim = light?.status === 'in-review' ? readClaim(doc, id, { thread: false }) : light;
        entry.claims.set(id, claim && claim.target?.position && typeof claim.id === 'string' ? summariseClaim(docId, claim) : null);
      }
      schedule();
    },

    backfill(documentIds, log) {
      let count = 0;
      for (const docId of documentIds) {
        const at = indexedAt.get(docId) as string | undefined;
        const changed = lastLogged.get({ doc: docId }) as string | null;
        // Same millisecond counts as newer: reading a document again costs less than missing a change.
        if (at !== undefined && (changed === null || changed < at)) continue;
        const doc = new Y.Doc();
        try {
          for (const update of log.load(docId)) Y.applyUpdate(doc, update);
          pending.set(docId, { whole: wholeDoc(docId, doc), claims: new Map(), active: false });
        } finally {
          doc.destroy();
        }
        count++;
      }
      flush();
      return count;
    },

    reviewQueue() {
      flush();
      return (queue.all() as Row[]).map((row) => ({ ...fromRow(row), documentTitle: row.title }));
    },

    counts() {
      flush();
      const result = new Map<string, ClaimCounts>();
      for (const row of grouped.all() as { doc_id: string; status: string; verdict: string; n: number }[]) {
        let counts = result.get(row.doc_id);
        if (!counts) result.set(row.doc_id, (counts = emptyCounts()));
        if (row.status in counts.byStatus) counts.byStatus[row.status as ClaimStatus] += row.n;
        if (row.verdict in counts.byVerdict) counts.byVerdict[row.verdict as VerdictId] += row.n;
        counts.total += row.n;
      }
      return result;
    },

    flush,

    close() {
      flush();
    },
  };
}

function toParams(summary: ClaimSummary): Record<string, unknown> {
  return { ...summary, sourceDomains: JSON.stringify(summary.sourceDomains) };
}

function fromRow(row: Row): ClaimSummary {
  return {
    docId: row.doc_id,
    claimId: row.claim_id,
    status: row.status,
    verdict: row.verdict,
    authorId: row.author_id,
    authorName: row.author_name,
    quote: row.quote,
    sourceDomains: JSON.parse(row.source_domains) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}
