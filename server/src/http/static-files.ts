/**
 * Serves the built client from clientDir. Paths that are not files fall back to
 * index.html, so the app's own routes (/documents/<id>) survive a reload; a missing
 * asset under /assets/ stays a 404. Nothing outside clientDir, and no dotfile, is served.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Factdesk is not built yet</title></head>
<body>
<main>
<h1>Factdesk's web app is not built yet</h1>
<p>The server is running, but it has no web app to show. Build it with <code>npm run build</code>
(<code>npm start</code> builds it for you), then reload this page.</p>
<p>The API answers meanwhile: <a href="/healthz">/healthz</a>.</p>
</main>
</body>
</html>
`;

function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A handler serving GET and HEAD for `pathname` from `clientDir`. */
export function createStaticFiles(clientDir: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => void {
  const root = resolve(clientDir);
  const indexFile = join(root, 'index.html');

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string) => {
    const { size } = statSync(file);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': cacheControl,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  return (req, res, pathname) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad request: malformed path.');
    }
    const file = resolve(root, '.' + decoded);
    const inside = file === root || file.startsWith(root + sep);
    const hidden = decoded.split('/').some((segment) => segment.startsWith('.'));
    if (decoded.includes('\0') || !inside || hidden) return sendText(res, 404, 'Not found.');

    if (file !== root && isFile(file)) {
      // Vite puts a content hash in every name under assets/: those never change.
      const immutable = decoded.startsWith('/assets/');
      return sendFile(req, res, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    if (decoded.startsWith('/assets/')) return sendText(res, 404, 'Not found.');
    if (!existsSync(indexFile)) return sendText(res, 503, NOT_BUILT_PAGE, 'text/html; charset=utf-8');
    sendFile(req, res, indexFile, 'no-cache');
  };
}
