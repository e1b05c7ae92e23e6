/**
 * The people of a test, added by the admin through the real API with a password the test
 * knows, so each one can then sign in through the sign-in form like anyone else.
 */
import type { Actor, Role } from '@factdesk/shared';
import { ADMIN_PASSWORD, type ServerUnderTest } from '../../server/src/testing/server-under-test.js';

/** Someone who can sign in: their login and password, and who the server says they are. */
export interface Credentials {
  login: string;
  password: string;
  /** A bearer token, for the bot that prepares claims (see claim-bot.ts). */
  token: string;
  user: Actor;
}

/** The admin account every fresh server has. */
export async function adminCredentials(server: ServerUnderTest): Promise<Credentials> {
  const { token, user } = await server.signIn('admin', ADMIN_PASSWORD);
  return { login: 'admin', password: ADMIN_PASSWORD, token, user };
}

/** Adds a person with `role` and display `name`, as the admin. */
export async function addPerson(server: ServerUnderTest, login: string, role: Role, name: string): Promise<Credentials> {
  const admin = await adminCredentials(server);
  const password = `${login}-e2e-password`;
  const res = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ login, name, role, password }),
  });
  if (!res.ok) throw new Error(`Adding ${login} failed: ${res.status} ${await res.text()}`);
  const { token, user } = await server.signIn(login, password);
  return { login, password, token, user };
}
