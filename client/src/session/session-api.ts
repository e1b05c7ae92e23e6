/**
 * The session endpoints: who is signed in, signing in and signing out. The server keeps the
 * session in an HttpOnly cookie, so the browser never holds the token itself.
 */
import type { Actor } from '@factdesk/shared';
import { takeEarlyRequest } from '../api/early-requests.js';
import { ApiError, readJson, requestJson } from '../api/http.js';

/** The signed-in person, or null when nobody is (the first time, from the request index.html started). */
export async function fetchCurrentUser(): Promise<Actor | null> {
  try {
    const early = takeEarlyRequest('/api/me');
    const { user } = await (early ? readJson<{ user: Actor }>(early) : requestJson<{ user: Actor }>('GET', '/api/me'));
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
