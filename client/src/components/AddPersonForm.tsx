/** Adds a person to the team. Without a password, the server makes one, shown once. */
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@factdesk/shared';
import { addTeamMember, type TeamMember } from '../api/users.js';
import { ROLE_LABELS } from '../app/format.js';

export function AddPersonForm({ onAdded }: { onAdded(member: TeamMember, password?: string): void }) {
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<Role>('annotator');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await addTeamMember({ name: name.trim(), login: login.trim(), role, ...(password ? { password } : {}) });
      onAdded(answer.user, answer.password);
      setName('');
      setLogin('');
      setPassword('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-person" onSubmit={submit} aria-labelledby="add-person-title">
      <h2 id="add-person-title">Add a person</h2>
      <div className="form-grid">
        <label htmlFor="new-name">Name</label>
        <input id="new-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="new-login">Login</label>
        <input id="new-login" required maxLength={64} autoComplete="off" value={login} onChange={(e) => setLogin(e.target.value)} />
        <label htmlFor="new-role">Role</label>
        <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <label htmlFor="new-password">Password (optional)</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          aria-describedby="new-password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id="new-password-hint" className="hint">
          Leave empty to have one generated; it is shown once.
        </p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        Add person
      </button>
    </form>
  );
}
