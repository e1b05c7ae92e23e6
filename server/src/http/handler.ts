/**
 * The server's request handler: security headers on everything, then the probes (/healthz,
 * /readyz; while stopping, a 503 for everything), the API under /api/, and the web app for
 * every other path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandler } from './api.js';
import type { ArticlePage } from './article-page.js';
import { sendError } from './respond.js';
import { applySecurityHeaders } from './security-headers.js';
import { createStaticFiles } from './static-files.js';

export interface HandlerOptions {
  api: ApiHandler;
  clientDir: string;
  https: boolean;
  log: (message: string) => void;
  /** /healthz and /readyz, and a 503 for everything else while the server stops (health-routes.ts); true when it answered. */
  health: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;
  /** An article's page with its static copy (article-page.ts); without it every page is the plain index.html. */
  articlePage?: ArticlePage;
  /** GET /metrics (../metrics/); without it /metrics is 404 (they are served on a port of their own, or not at all). */
  metrics?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Told of every request before it is answered (the metrics count requests by route). */
  observe?: (req: IncomingMessage, res: ServerResponse, pathname: string) => void;
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
    options.observe?.(req, res, pathname);
    try {
      if (options.health(req, res, pathname)) return;
      if (!decodable(pathname)) {
        options.log(`Refused ${method} with a malformed path: ${JSON.stringify(pathname.slice(0, 200))}`);
        return sendError(res, 400, 'The address is malformed.');
      }
      if (pathname === '/metrics') return options.metrics ? options.metrics(req, res) : sendError(res, 404, 'There is nothing at /metrics.');
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
