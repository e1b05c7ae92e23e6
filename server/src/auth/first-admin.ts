/**
 * The first start: a workspace without an admin gets one, login `admin`, so someone can
 * sign in and build the team. Its password comes from FACTDESK_ADMIN_PASSWORD or is
 * generated and handed back once, for the caller to print next to the sign-in address.
 */
import { passwordProblem } from './passwords.js';
import type { Team } from './team.js';
import type { UserRepository } from './users.js';

export const FIRST_ADMIN_LOGIN = 'admin';

export interface FirstAdmin {
  login: string;
  /** Present only when generated; never stored in clear or logged elsewhere. */
  generatedPassword?: string;
}

/** Creates the `admin` account if no admin exists yet; null when there was nothing to do. */
export async function ensureFirstAdmin(
  deps: { users: UserRepository; team: Team },
  adminPassword: string | undefined,
): Promise<FirstAdmin | null> {
  if (deps.users.anyAdmin()) return null;
  if (deps.users.getByLogin(FIRST_ADMIN_LOGIN)) {
    throw new Error(
      `There is no admin, and the login "${FIRST_ADMIN_LOGIN}" is taken by someone else: ` +
        `run "npm run factdesk -- users set-role <login> admin".`,
    );
  }
  const problem = adminPassword === undefined ? null : passwordProblem(adminPassword);
  if (problem) throw new Error(`FACTDESK_ADMIN_PASSWORD cannot be used: ${problem}`);
  const { generatedPassword } = await deps.team.add(
    { login: FIRST_ADMIN_LOGIN, name: 'Administrator', role: 'admin', password: adminPassword },
    null,
  );
  return generatedPassword ? { login: FIRST_ADMIN_LOGIN, generatedPassword } : { login: FIRST_ADMIN_LOGIN };
}
