/**
 * The static copy an article's page may arrive with (server/src/http/article-page.ts): the
 * article and its highlights inside a still page shell, painted before the app's code has run.
 * The app renders meanwhile into its root, which the page keeps hidden; then either
 * - the article view takes the copy (takeServerCopy) — the copy moves from the shell into the
 *   view's place and the shell gives way to the app, in the same task, so the next frame shows
 *   the app with the article where it was; or
 * - the app gives the copy up (dropServerCopy): another address, no one signed in, no usable
 *   first-paint payload, an error — the shell goes and the app shows as it would have.
 * Either happens once; after it the page has no shell and its root is shown.
 */

const SHELL_ID = 'server-copy';
const ROOT_ID = 'root';

/** What the copy must be of for the view to use it: the payload the view is drawn from. */
export interface CopyIdentity {
  docId: string;
  version: number;
  textHash: string;
}

/** The article whose copy the page still holds, or null. */
export function serverCopyOf(document: Document): string | null {
  return document.getElementById(SHELL_ID)?.dataset.documentId ?? null;
}

/** Removes the page's shell and copy, if still there, and shows the app. */
export function dropServerCopy(document: Document): void {
  document.getElementById(SHELL_ID)?.remove();
  document.getElementById(ROOT_ID)?.removeAttribute('hidden');
}

/**
 * The page's copy of exactly this article, version and text, taken out of its shell (to be put
 * in the view's place by the caller, in this same task); null when the page has none or one of
 * something else. The shell goes either way and the app is shown.
 */
export function takeServerCopy(document: Document, of: CopyIdentity): HTMLElement | null {
  const shell = document.getElementById(SHELL_ID);
  const same = shell?.dataset.documentId === of.docId && shell.dataset.version === String(of.version) && shell.dataset.textHash === of.textHash;
  const copy = same ? shell.querySelector<HTMLElement>('.article-text--static') : null;
  copy?.remove();
  dropServerCopy(document);
  return copy;
}
