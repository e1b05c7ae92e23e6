/**
 * The workspace settings on the Team page (admins): today the two-person rule. A change is
 * saved at once and applies to the very next change anyone makes; the server audits it.
 */
import { useEffect, useState } from 'react';
import { saveSettings, type WorkspaceSettings } from '../api/settings.js';
import { loadRules, currentRules, setRules } from '../settings/workspace-rules.js';

export function WorkspaceSettingsForm() {
  const [settings, setSettings] = useState<WorkspaceSettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    loadRules(true).then(() => current && setSettings(currentRules()));
    return () => {
      current = false;
    };
  }, []);

  const change = async (twoPersonRule: boolean) => {
    const previous = settings;
    // The box shows the choice at once; it goes back if the server refuses it.
    setSettings((current) => current && { ...current, twoPersonRule });
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const saved = await saveSettings({ twoPersonRule });
      setRules(saved);
      setSettings(saved);
      setMessage(saved.twoPersonRule ? 'Saved: reviewers may not approve their own claims.' : 'Saved: reviewers may approve their own claims.');
    } catch (e) {
      setSettings(previous);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="workspace-settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {!settings && <p>Loading…</p>}
      {settings && (
        <div className="setting">
          <input
            id="setting-two-person-rule"
            type="checkbox"
            checked={settings.twoPersonRule}
            disabled={busy}
            aria-describedby="setting-two-person-rule-hint"
            onChange={(e) => void change(e.target.checked)}
          />{' '}
          <label htmlFor="setting-two-person-rule">Reviewers may not approve their own claims</label>
          <p className="hint" id="setting-two-person-rule-hint">
            The two-person rule: every sign-off is by someone other than the claim&apos;s author. Turn it off only for a one-person desk.
          </p>
        </div>
      )}
      <p role="status" className="hint">
        {message}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
