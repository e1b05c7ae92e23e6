/**
 * The session endpoints: who is signed in, signing in and signing out. The server keeps the
 * session in an HttpOnly cookie, so the browser never holds the token itself.
 */
import type { Actor } from '@factdesk/shared';
import { ApiError, requestJson } from '../api/http.js';

/** The signed-in person, or null when nobody is. */
export async function fetchCurrentUser(): Promise<Actor | null> {
  try {
    const { user } = await requestJson<{ user: Actor }>('GET', '/api/me');
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in; the server sets the session cookie. */
export async function createSession(login: string, password: string): Promise<Actor> {
  const { user } = await requestJson<{ token: string; user: Actor }>('POST', '/api/session', { login, password });
  return user;
}

/** Signs out and clears the session cookie. */
export async function endSession(): Promise<void> {
  await requestJson('DELETE', '/api/session');
}
