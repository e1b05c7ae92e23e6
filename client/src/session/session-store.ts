/**
 * Identity in one place: who is using the app, as the server says. Every screen asks this store
 * for the current person (to label the header and to hide what their role cannot do); nothing
 * else keeps a copy. The server still checks every action — hiding is only a courtesy.
 */
import { create } from 'zustand';
import type { Actor } from '@factdesk/shared';
import { createSession, endSession, fetchCurrentUser } from './session-api.js';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface SessionState {
  status: SessionStatus;
  user: Actor | null;
  /** Asks the server who is signed in (on start-up). */
  load(): Promise<void>;
  /** Signs in; rejects with the server's message on failure. */
  signIn(login: string, password: string): Promise<Actor>;
  /** Signs out on the server and here. */
  signOut(): Promise<void>;
  /** The server ended the session (401 or a 4401 socket close): forget the person here. */
  sessionEnded(): void;
}

export const useSession = create<SessionState>()((set) => ({
  status: 'unknown',
  user: null,
  async load() {
    try {
      const user = await fetchCurrentUser();
      set({ user, status: user ? 'signed-in' : 'signed-out' });
    } catch {
      set({ user: null, status: 'signed-out' });
    }
  },
  async signIn(login, password) {
    const user = await createSession(login, password);
    set({ user, status: 'signed-in' });
    return user;
  },
  async signOut() {
    try {
      await endSession();
    } finally {
      set({ user: null, status: 'signed-out' });
    }
  },
  sessionEnded() {
    set({ user: null, status: 'signed-out' });
  },
}));

/** The signed-in person; only for screens that are shown to signed-in people. */
export function useCurrentUser(): Actor | null {
  return useSession((s) => s.user);
}
