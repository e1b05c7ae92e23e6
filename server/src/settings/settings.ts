/**
 * Workspace settings an admin may change at runtime — today the two-person rule. Kept in
 * SQLite, read from memory: the rooms ask for the rules on every update, so a change applies
 * to the very next one. Every change goes to the audit log.
 */
import { DEFAULT_RULES, type RuleOptions } from '@factdesk/shared';
import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';

/** What the settings page shows and changes. */
export type WorkspaceSettings = RuleOptions;

export const DEFAULT_SETTINGS: WorkspaceSettings = { ...DEFAULT_RULES };

export interface Settings {
  /** The settings in force (a copy). */
  current(): WorkspaceSettings;
  /** Changes some settings in the name of an admin; records what changed in the audit log. */
  update(patch: Partial<WorkspaceSettings>, actorId: string): WorkspaceSettings;
}

interface SettingRow {
  key: string;
  value: string;
}

/** The settings table, with the values cached in memory. */
export function createSettings(db: Db, audit: AuditLog): Settings {
  const all = db.prepare('SELECT key, value FROM settings');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const values: WorkspaceSettings = { ...DEFAULT_SETTINGS };
  for (const row of all.all() as SettingRow[]) {
    if (row.key === 'twoPersonRule') values.twoPersonRule = JSON.parse(row.value) === true;
  }

  return {
    current: () => ({ ...values }),
    update(patch, actorId) {
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const at = new Date().toISOString();
      db.transaction(() => {
        for (const key of Object.keys(patch) as (keyof WorkspaceSettings)[]) {
          const to = patch[key];
          if (to === undefined || to === values[key]) continue;
          upsert.run(key, JSON.stringify(to), at, actorId);
          changes[key] = { from: values[key], to };
        }
        if (Object.keys(changes).length) audit.record(actorId, 'settings.changed', changes);
      })();
      for (const [key, { to }] of Object.entries(changes)) (values as unknown as Record<string, unknown>)[key] = to;
      return { ...values };
    },
  };
}
