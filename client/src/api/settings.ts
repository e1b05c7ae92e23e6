/** The workspace settings: read by everyone (the rules depend on them), changed by admins. */
import type { RuleOptions } from '@factdesk/shared';
import { requestJson } from './http.js';

export type WorkspaceSettings = RuleOptions;

/** The settings in force. */
export async function fetchSettings(): Promise<WorkspaceSettings> {
  return (await requestJson<{ settings: WorkspaceSettings }>('GET', '/api/settings')).settings;
}

/** Changes settings (admins); returns the settings now in force. */
export async function saveSettings(patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  return (await requestJson<{ settings: WorkspaceSettings }>('PUT', '/api/settings', patch)).settings;
}
