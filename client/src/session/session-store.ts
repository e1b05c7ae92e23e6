/**
 * Identity in one place: who is using the app, as the server says. Every screen asks this store
 * for the current person (to label the header and to hide what their role cannot do); nothing
 * else keeps a copy. The server still checks every action — hiding is only a courtesy.
 * When the server cannot be reached, the person last signed in on this device is assumed
 * (offline-memory.ts), so the app opens offline; the server checks again on reconnecting.
 * When the server says the session is over (any 401, a socket closed with 4401), everything
 * this device keeps for that person is wiped before the sign-in form shows: the next person to
 * sign in on this browser must find none of it.
 */
import { create } from 'zustand';
import type { Actor } from '@factdesk/shared';
import { ApiError, onUnauthorized } from '../api/http.js';
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
  /** The server ended the session (401 or a 4401 socket close): wipe this device's copies, then show sign-in. */
  sessionEnded(): Promise<void>;
}

/** The wipe under way, if any: a sign-in waits for it, so it never wipes the new person's copies. */
let wiping: Promise<void> | null = null;

function wipe(): Promise<void> {
  wiping ??= forgetEverything().finally(() => (wiping = null));
  return wiping;
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
    await wiping;
    // Someone else's offline copies (and their unsent changes) are not this person's to send;
    // nor are copies of nobody known, whose owner this device forgot.
    if (rememberedUser()?.id !== user.id) await wipe();
    rememberUser(user);
    set({ user, status: 'signed-in' });
    return user;
  },
  async signOut() {
    try {
      await endSession();
    } finally {
      await wipe();
      set({ user: null, status: 'signed-out' });
    }
  },
  sessionEnded() {
    // The wipe starts first (the remembered person and list go at once); the sign-in form follows
    // without waiting, as an open article holds its copy until its page closes. A sign-in waits.
    const wiped = wipe();
    set({ user: null, status: 'signed-out' });
    return wiped;
  },
}));

// A 401 while someone is (or may be) signed in ends their session here too. On the sign-in form
// nobody is: a 401 there is a wrong password, and there is nothing of anyone's to wipe.
onUnauthorized(() => {
  if (useSession.getState().status !== 'signed-out') void useSession.getState().sessionEnded();
});

/** The signed-in person; only for screens that are shown to signed-in people. */
export function useCurrentUser(): Actor | null {
  return useSession((s) => s.user);
}
