/**
 * Team administration calls (admins only): the people of the workspace, their roles,
 * passwords and whether they can sign in.
 */
import type { Role } from '@factdesk/shared';
import { requestJson } from './http.js';

export interface TeamMember {
  id: string;
  login: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface NewTeamMember {
  login: string;
  name: string;
  role: Role;
  /** Left out to let the server generate one, which it returns once. */
  password?: string;
}

/** Everyone in the workspace. */
export async function fetchTeam(): Promise<TeamMember[]> {
  const { users } = await requestJson<{ users: TeamMember[] }>('GET', '/api/users');
  return users;
}

/** Adds a person; `password` is set when the server generated it. */
export async function addTeamMember(input: NewTeamMember): Promise<{ user: TeamMember; password?: string }> {
  return requestJson('POST', '/api/users', input);
}

/** Changes a person's name, role or whether they may sign in. */
export async function updateTeamMember(id: string, patch: Partial<Pick<TeamMember, 'name' | 'role' | 'active'>>): Promise<void> {
  await requestJson('PATCH', `/api/users/${encodeURIComponent(id)}`, patch);
}

/** Sets a new password, or lets the server generate one and returns it once. */
export async function resetPassword(id: string, password?: string): Promise<{ password?: string }> {
  return (await requestJson<{ password?: string } | null>('POST', `/api/users/${encodeURIComponent(id)}/password`, password ? { password } : {})) ?? {};
}
