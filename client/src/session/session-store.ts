/**
 * Identity in one place: who is using the app, as the server says. Every screen asks this store
 * for the current person (to label the header and to hide what their role cannot do); nothing
 * else keeps a copy. The server still checks every action — hiding is only a courtesy.
 * When the server cannot be reached, the person last signed in on this device is assumed
 * (offline-memory.ts), so the app opens offline; the server checks again on reconnecting.
 */
import { create } from 'zustand';
import type { Actor } from '@factdesk/shared';
import { ApiError } from '../api/http.js';
import { forgetEverything, rememberedUser, rememberUser, rememberWhenIdle } from './offline-memory.js';
import { createSession, endSession, fetchCurrentUser } from './session-api.js';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface SessionState {
  status: SessionStatus;
  user: Actor | null;
  /** Asks the server who is signed in (on start-up); offline, the person remembered on this device. */
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
      rememberWhenIdle(user, () => useSession.getState().user);
    } catch (error) {
      const offline = error instanceof ApiError && error.status === 0 ? rememberedUser() : null;
      set({ user: offline, status: offline ? 'signed-in' : 'signed-out' });
    }
  },
  async signIn(login, password) {
    const user = await createSession(login, password);
    // Someone else's offline copies (and their unsent changes) are not this person's to send.
    const previous = rememberedUser();
    if (previous && previous.id !== user.id) await forgetEverything();
    rememberUser(user);
    set({ user, status: 'signed-in' });
    return user;
  },
  async signOut() {
    try {
      await endSession();
    } finally {
      await forgetEverything();
      set({ user: null, status: 'signed-out' });
    }
  },
  sessionEnded() {
    // Not a sign-out: the offline copies and their unsent changes stay for the next sign-in.
    rememberUser(null);
    set({ user: null, status: 'signed-out' });
  },
}));

/** The signed-in person; only for screens that are shown to signed-in people. */
export function useCurrentUser(): Actor | null {
  return useSession((s) => s.user);
}
