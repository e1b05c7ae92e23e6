/**
 * What the app remembers on this device so it opens offline after one online visit: who was
 * signed in (as /api/me last said) and the article list. Only the small things the first
 * screens need; the articles themselves live in their IndexedDB copies (collab/local-copy.ts).
 * Signing out, or the server ending the session, forgets all of it, offline copies included.
 */
import type { Actor } from '@factdesk/shared';
import type { DocumentSummary } from '../api/documents.js';
import { browserIdleHost, whenPageIdle, type IdleHost } from '../app/page-idle.js';
import { deleteLocalCopies } from '../collab/local-copy-names.js';

const USER_KEY = 'factdesk:user';
const DOCUMENTS_KEY = 'factdesk:documents';

function read<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the app still works online.
  }
}

const isActor = (value: unknown): value is Actor =>
  !!value && typeof value === 'object' && typeof (value as Actor).id === 'string' && typeof (value as Actor).name === 'string' && typeof (value as Actor).role === 'string';

const isDocumentList = (value: unknown): value is DocumentSummary[] =>
  Array.isArray(value) && value.every((d) => !!d && typeof d === 'object' && typeof (d as DocumentSummary).id === 'string');

/** The person last signed in on this device, or null. */
export function rememberedUser(): Actor | null {
  return read(USER_KEY, isActor);
}

/** Remembers (or, with null, forgets) who is signed in. */
export function rememberUser(user: Actor | null): void {
  if (user) write(USER_KEY, user);
  else localStorage.removeItem(USER_KEY);
}

/**
 * Remembers `user` (as the server named them on start-up) once the page is idle, not on the way
 * to the first paint: a tab's first use of localStorage took ≈ 25 ms of the page opening an
 * article. By then someone else may be signed in, or no one: then nothing is written.
 */
export function rememberWhenIdle(user: Actor | null, signedInNow: () => Actor | null, host: IdleHost = browserIdleHost): void {
  whenPageIdle(host, () => {
    if ((signedInNow()?.id ?? null) === (user?.id ?? null)) rememberUser(user);
  });
}

/** The article list as last fetched, or null. */
export function rememberedDocuments(): DocumentSummary[] | null {
  return read(DOCUMENTS_KEY, isDocumentList);
}

export function rememberDocuments(documents: DocumentSummary[]): void {
  write(DOCUMENTS_KEY, documents);
}

/** Forgets everything this device keeps for the signed-in person: user, article list, offline copies. */
export async function forgetEverything(): Promise<void> {
  try {
    localStorage.removeItem(USER_KEY);
    localStorage.removeItem(DOCUMENTS_KEY);
  } catch {
    // Storage disabled: nothing was kept there.
  }
  await deleteLocalCopies().catch(() => {});
}
