/** The session package: the current person and how they sign in and out. */
export { useSession, useCurrentUser, type SessionState, type SessionStatus } from './session-store.js';
