/**
 * The audit log: who changed the team (and later, documents), when. Append-only; read by
 * admins and by tests. Details are JSON and never hold passwords or tokens.
 */
import type { Db } from '../db/database.js';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  detail: Record<string, unknown>;
}

export interface AuditLog {
  /** Records one action; `actorId` is null for the command line and the server itself. */
  record(actorId: string | null, action: string, detail?: Record<string, unknown>): void;
  /** The latest entries, newest first. */
  latest(limit?: number): AuditEntry[];
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  action: string;
  detail: string;
}

/** The audit_log table. */
export function createAuditLog(db: Db): AuditLog {
  const insert = db.prepare('INSERT INTO audit_log (at, actor_id, action, detail) VALUES (?, ?, ?, ?)');
  const select = db.prepare('SELECT id, at, actor_id, action, detail FROM audit_log ORDER BY id DESC LIMIT ?');
  return {
    record(actorId, action, detail = {}) {
      insert.run(new Date().toISOString(), actorId, action, JSON.stringify(detail));
    },
    latest(limit = 100) {
      return (select.all(limit) as AuditRow[]).map((row) => ({
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        action: row.action,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
      }));
    },
  };
}
