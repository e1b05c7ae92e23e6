/** One person in the team table, with their role, password reset and (de)activation. */
import { useState } from 'react';
import { ROLES, type Role } from '@factdesk/shared';
import { resetPassword, updateTeamMember, type TeamMember } from '../api/users.js';
import { ROLE_LABELS } from '../app/format.js';
import { showToast } from '../store/ui-store.js';

export interface TeamMemberRowProps {
  member: TeamMember;
  isSelf: boolean;
  onChanged(member: TeamMember): void;
  onPassword(member: TeamMember, password: string): void;
  onError(message: string): void;
}

export function TeamMemberRow({ member, isSelf, onChanged, onPassword, onError }: TeamMemberRowProps) {
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const changeRole = (role: Role) =>
    run(async () => {
      await updateTeamMember(member.id, { role });
      onChanged({ ...member, role });
      showToast(`${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
    });

  const toggleActive = () =>
    run(async () => {
      await updateTeamMember(member.id, { active: !member.active });
      onChanged({ ...member, active: !member.active });
      showToast(`${member.name} ${member.active ? 'can no longer sign in' : 'can sign in again'}.`);
    });

  const reset = () =>
    run(async () => {
      const { password } = await resetPassword(member.id);
      if (password) onPassword(member, password);
      else showToast(`The password of ${member.name} was reset.`);
    });

  return (
    <tr className={member.active ? undefined : 'inactive'}>
      <th scope="row">{member.name}</th>
      <td>{member.login}</td>
      <td>
        <select aria-label={`Role for ${member.name}`} value={member.role} disabled={busy || isSelf} onChange={(e) => changeRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </td>
      <td>{member.active ? 'Active' : 'Deactivated'}</td>
      <td className="row-actions">
        <button type="button" disabled={busy} onClick={reset} aria-label={`Reset password for ${member.name}`}>
          Reset password
        </button>
        {!isSelf && (
          <button type="button" disabled={busy} onClick={toggleActive} aria-label={`${member.active ? 'Deactivate' : 'Reactivate'} ${member.name}`}>
            {member.active ? 'Deactivate' : 'Reactivate'}
          </button>
        )}
      </td>
    </tr>
  );
}
