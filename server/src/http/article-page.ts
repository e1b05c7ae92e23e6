/**
 * An article's page served with its static copy: for a long article (one whose first-paint
 * payload has a static copy, first-paint.ts) opened by its address, by someone signed in, the
 * app's index.html comes with the article already in it — the copy inside a still page shell
 * laid out as the app's (same classes: header, toolbar, article column, aside). The browser
 * paints it while the app's code is still on its way; the app keeps its own root hidden until
 * its article view takes the copy over in the same frame (client/src/editor/server-copy.ts),
 * or drops the shell if it cannot use it. Anything else gets the plain index.html.
 *
 * The copy is the first-paint cache's (built once per change of the highlights); its text and
 * attributes were escaped where it was written (shared/src/highlights/static-html.ts), and the
 * few values added here are escaped too. The page holds an article, so it is never cached.
 */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { escapeHtml, verdictColourCss, type Actor } from '@factdesk/shared';
import type { DocumentRepository } from '../documents/documents.js';
import type { FirstPaintCache } from './first-paint-cache.js';

/** Where the app mounts in index.html (client/index.html). */
const ROOT = '<div id="root"></div>';

export interface ArticlePageDeps {
  clientDir: string;
  authenticate(req: IncomingMessage): Actor | null;
  documents: Pick<DocumentRepository, 'exists'>;
  firstPaint: Pick<FirstPaintCache, 'copy'>;
}

/** `(req, docId)` → the article's page with its copy, or null when the plain index.html should be served. */
export type ArticlePage = (req: IncomingMessage, docId: string) => string | null;

/** The page shell around a copy; `id="server-copy"` is what the app looks for. */
export function pageWithCopy(indexHtml: string, docId: string, copy: { version: number; textHash: string; html: string }): string | null {
  const at = indexHtml.indexOf(ROOT);
  if (at < 0) return null;
  const shell =
    `<div id="server-copy" class="server-copy" data-document-id="${escapeHtml(docId)}" data-version="${copy.version}" data-text-hash="${escapeHtml(copy.textHash)}">` +
    `<style>${verdictColourCss()}</style>` +
    '<header class="app-header"></header>' +
    '<div class="article-layout"><main class="article-main"><div class="article-toolbar"></div><div class="article-view">' +
    `<div class="article-text article-text--static" aria-busy="true" aria-label="Article text">${copy.html}</div>` +
    // Once this is parsed the copy is shown (client/src/styles.css): painted whole, once.
    '<span class="server-copy-end" hidden></span>' +
    '</div></main><aside class="article-aside"></aside></div></div>' +
    // The app renders out of sight until its view has the copy (or it gave the copy up).
    '<div id="root" hidden></div>';
  return indexHtml.slice(0, at) + shell + indexHtml.slice(at + ROOT.length);
}

export function createArticlePage({ clientDir, authenticate, documents, firstPaint }: ArticlePageDeps): ArticlePage {
  const indexFile = join(clientDir, 'index.html');
  // Read again only when the build changed it.
  let index: { mtimeMs: number; html: string } | null = null;
  const indexHtml = (): string | null => {
    try {
      const { mtimeMs } = statSync(indexFile);
      if (index?.mtimeMs !== mtimeMs) index = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
      return index.html;
    } catch {
      return null;
    }
  };
  return (req, docId) => {
    if (!authenticate(req) || !documents.exists(docId)) return null;
    const html = indexHtml();
    if (html === null) return null;
    let copy;
    try {
      copy = firstPaint.copy(docId);
    } catch {
      return null; // the page loads as usual; its first-paint request reports what went wrong
    }
    return copy ? pageWithCopy(html, docId, copy) : null;
  };
}
