import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@factdesk/shared';
import { ApiError, requestJson } from '../api/http.js';
import { rememberDocuments, rememberedDocuments, rememberedUser, rememberUser } from './offline-memory.js';
import { useSession } from './session-store.js';

const olga: Actor = { id: 'u-olga', login: 'olga', name: 'Olga', role: 'annotator' };
const ben: Actor = { id: 'u-ben', login: 'ben', name: 'Ben', role: 'reviewer' };

/** The browser's localStorage, as Node has none. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
}

/** The few IndexedDB calls the wipe makes: list the databases, delete one. */
class MemoryIndexedDb {
  readonly names = new Set<string>();
  databases = async () => [...this.names].map((name) => ({ name, version: 1 }));
  deleteDatabase(name: string) {
    const request: { onsuccess?: () => void; onerror?: () => void; onblocked?: () => void } = {};
    setTimeout(() => {
      this.names.delete(name);
      request.onsuccess?.();
    }, 0);
    return request;
  }
}

/** The server, answering each path with a status and JSON body. */
function serverAnswers(answers: Record<string, [number, unknown]>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const [status, body] = answers[path] ?? [404, { error: 'Not found' }];
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
}

describe('the end of a session on this device', () => {
  let indexedDb: MemoryIndexedDb;
  beforeEach(() => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    indexedDb = new MemoryIndexedDb();
    vi.stubGlobal('indexedDB', indexedDb);
    // What Olga's visit left: who she is, the list, two articles' offline copies (one with unsent changes).
    rememberUser(olga);
    rememberDocuments([{ id: 'bridge' } as never]);
    for (const name of ['factdesk:bridge', 'factdesk:budget', 'another-app']) indexedDb.names.add(name);
    useSession.setState({ status: 'signed-in', user: olga });
  });
  afterEach(() => vi.unstubAllGlobals());

  const everythingWiped = () =>
    vi.waitFor(() => {
      expect([...indexedDb.names]).toEqual(['another-app']);
      expect(rememberedUser()).toBeNull();
      expect(rememberedDocuments()).toBeNull();
    });

  it('wipes the offline copies, the person and the article list when any API call answers 401, and shows sign-in', async () => {
    serverAnswers({ '/api/documents': [401, { error: 'Please sign in.' }] });
    await expect(requestJson('GET', '/api/documents')).rejects.toBeInstanceOf(ApiError);
    expect(useSession.getState()).toMatchObject({ status: 'signed-out', user: null });
    await everythingWiped();
  });

  it('wipes the same when the socket closes with 4401', async () => {
    await useSession.getState().sessionEnded();
    expect(useSession.getState().status).toBe('signed-out');
    await everythingWiped();
  });

  it('wipes what the last person left when the app opens after their session ended elsewhere', async () => {
    useSession.setState({ status: 'unknown', user: null });
    serverAnswers({ '/api/me': [401, { error: 'Please sign in.' }] });
    await useSession.getState().load();
    expect(useSession.getState().status).toBe('signed-out');
    await everythingWiped();
  });

  it('keeps everything when only the network is gone', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    await expect(requestJson('GET', '/api/documents')).rejects.toMatchObject({ status: 0 });
    expect(useSession.getState().status).toBe('signed-in');
    expect(indexedDb.names.size).toBe(3);
    expect(rememberedUser()).toEqual(olga);
  });

  it('does not take a wrong password on the sign-in form for the end of a session', async () => {
    useSession.setState({ status: 'signed-out', user: null });
    serverAnswers({ '/api/session': [401, { error: 'The login or password is wrong.' }] });
    await expect(useSession.getState().signIn('olga', 'wrong')).rejects.toBeInstanceOf(ApiError);
    expect(indexedDb.names.size).toBe(3);
  });

  it('wipes the remembered person’s copies when someone else signs in, and keeps them for the same person', async () => {
    useSession.setState({ status: 'signed-out', user: null });
    serverAnswers({ '/api/session': [200, { token: 't', user: olga }] });
    await useSession.getState().signIn('olga', 'right');
    expect(indexedDb.names.size).toBe(3);

    useSession.setState({ status: 'signed-out', user: null });
    serverAnswers({ '/api/session': [200, { token: 't', user: ben }] });
    await useSession.getState().signIn('ben', 'right');
    expect([...indexedDb.names]).toEqual(['another-app']);
    expect(rememberedUser()).toEqual(ben);
    expect(useSession.getState()).toMatchObject({ status: 'signed-in', user: ben });
  });
});
