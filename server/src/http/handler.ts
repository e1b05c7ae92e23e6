/**
 * The server's request handler: security headers on everything, then /healthz, the API
 * under /api/, and the web app for every other path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandler } from './api.js';
import type { ArticlePage } from './article-page.js';
import { sendError, sendJson } from './respond.js';
import { applySecurityHeaders } from './security-headers.js';
import { createStaticFiles } from './static-files.js';

export interface HandlerOptions {
  api: ApiHandler;
  clientDir: string;
  https: boolean;
  log: (message: string) => void;
  /** An article's page with its static copy (article-page.ts); without it every page is the plain index.html. */
  articlePage?: ArticlePage;
}

/** The app's address of an article (client/src/app/routes.ts). */
const ARTICLE_PATH = /^\/articles\/([^/]+)\/?$/;

/** The id in an article's address, or null (not one, or malformed escapes). */
function articleId(pathname: string): string | null {
  const match = ARTICLE_PATH.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** A page that holds an article: for this person, never stored on the way. */
function sendPage(req: IncomingMessage, res: ServerResponse, html: string): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-store', Vary: 'Cookie' });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** Whether every %-escape of a path decodes: nothing further down then has to guard against a URIError. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Splits a raw request target into path and query without trusting it to be a URL. */
function splitTarget(target: string): { pathname: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  const pathname = q < 0 ? target : target.slice(0, q);
  return { pathname: pathname.startsWith('/') ? pathname : `/${pathname}`, query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}

/** The `request` listener for node:http. */
export function createRequestHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const staticFiles = createStaticFiles(options.clientDir);
  return (req, res) => {
    applySecurityHeaders(res, { https: options.https });
    const { pathname, query } = splitTarget(req.url ?? '/');
    const method = req.method ?? 'GET';
    try {
      if (!decodable(pathname)) {
        options.log(`Refused ${method} with a malformed path: ${JSON.stringify(pathname.slice(0, 200))}`);
        return sendError(res, 400, 'The address is malformed.');
      }
      if (pathname === '/healthz') {
        if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, `${method} is not allowed here.`, { Allow: 'GET, HEAD' });
        return sendJson(res, 200, { ok: true });
      }
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        void options.api(req, res, pathname, query);
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, `${method} is not allowed here.`, { Allow: 'GET, HEAD' });
      const docId = options.articlePage ? articleId(pathname) : null;
      const page = options.articlePage && docId !== null ? options.articlePage(req, docId) : null;
      if (page !== null) return sendPage(req, res, page);
      staticFiles(req, res, pathname);
    } catch (error) {
      options.log(`Unexpected error on ${method} ${pathname}: ${error instanceof Error ? error.stack : String(error)}`);
      sendError(res, 500, 'Something went wrong on the server. Please try again.');
    }
  };
}
