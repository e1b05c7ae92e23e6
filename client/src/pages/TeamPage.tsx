/** /team (admins) — the people of the workspace: add them, set their role, reset passwords, (de)activate. */
import { useEffect, useState } from 'react';
import type { Actor } from '@factdesk/shared';
import { fetchTeam, type TeamMember } from '../api/users.js';
import { AddPersonForm } from '../components/AddPersonForm.js';
import { TeamMemberRow } from '../components/TeamMemberRow.js';
import { WorkspaceSettingsForm } from '../components/WorkspaceSettingsForm.js';

export function TeamPage({ user }: { user: Actor }) {
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; login: string; password: string } | null>(null);

  useEffect(() => {
    document.title = 'Team — Factdesk';
    let current = true;
    fetchTeam().then(
      (list) => current && setMembers(list),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, []);

  if (user.role !== 'admin') {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>Team</h1>
        <p>Only admins manage the team.</p>
      </main>
    );
  }

  const replace = (member: TeamMember) => setMembers((list) => list?.map((m) => (m.id === member.id ? member : m)) ?? null);
  const showPassword = (member: TeamMember, password: string) => setSecret({ name: member.name, login: member.login, password });

  return (
    <main id="main" tabIndex={-1} className="page">
      <h1>Team</h1>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <div className="secret" role="status">
          <p>
            The password of {secret.name} ({secret.login}) is <code className="password">{secret.password}</code>. It is shown only this once:
            pass it on now.
          </p>
          <button type="button" onClick={() => setSecret(null)}>
            I have passed it on
          </button>
        </div>
      )}
      {!members && !error && <p>Loading…</p>}
      {members && (
        <table className="team-table">
          <caption className="visually-hidden">People of the workspace</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Login</th>
              <th scope="col">Role</th>
              <th scope="col">Active</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <TeamMemberRow
                key={member.id}
                member={member}
                isSelf={member.id === user.id}
                onChanged={replace}
                onPassword={showPassword}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
      )}
      <AddPersonForm
        onAdded={(member, password) => {
          setMembers((list) => [...(list ?? []), member]);
          setError(null);
          if (password) showPassword(member, password);
        }}
      />
      <WorkspaceSettingsForm />
    </main>
  );
}
