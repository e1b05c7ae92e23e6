/**
 * Builds the browser app in client/ into dist/client, which the server serves, plus its
 * offline service worker (/sw.js, see client/src/offline/service-worker.ts). In development
 * (`npm run dev:client`) the Vite server forwards the API and the collaboration sockets to the
 * Factdesk server on port 3000, so the app is same-origin in both setups.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://localhost:3000';

/**
 * The server lets a page act with its session cookie only from its own origin, port included;
 * the dev page's origin (this Vite server) is vouched for here, as the server's own, and no other.
 */
function asServerOrigin(proxyReq: { setHeader(name: string, value: string): void }, req: IncomingMessage): void {
  if (req.headers.origin === `http://${req.headers.host}`) proxyReq.setHeader('origin', server);
}

const forwardToServer = {
  target: server,
  changeOrigin: true,
  configure: (proxy: { on(event: 'proxyReq' | 'proxyReqWs', listener: (proxyReq: { setHeader(name: string, value: string): void }, req: IncomingMessage) => void): void }) => {
    proxy.on('proxyReq', asServerOrigin);
    proxy.on('proxyReqWs', asServerOrigin);
  },
};
const SERVICE_WORKER_SOURCE = 'client/src/offline/service-worker.ts';

/**
 * Writes /sw.js after the bundle: the hand-written worker compiled from TypeScript, preceded
 * by the list of built files to precache and a build id (a hash of those files), so each
 * build is a new worker with a fresh cache.
 */
function serviceWorker(): Plugin {
  return {
    name: 'factdesk-service-worker',
    apply: 'build',
    async writeBundle(options, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [name, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (name.endsWith('.map')) continue;
        files.push(`/${name}`);
        hash.update(name).update(output.type === 'chunk' ? output.code : output.source);
      }
      const { code } = await transformWithOxc(readFileSync(SERVICE_WORKER_SOURCE, 'utf8'), SERVICE_WORKER_SOURCE, { lang: 'ts' });
      // A classic worker script: no module syntax.
      const body = code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      const header = `const PRECACHE = ${JSON.stringify(files)};\nconst BUILD_VERSION = ${JSON.stringify(hash.digest('hex').slice(0, 16))};\n`;
      writeFileSync(join(options.dir ?? 'dist/client', 'sw.js'), header + body);
    },
  };
}

const OPEN_EARLY_SOURCE = 'client/src/pages/open-early.ts';

/** open-early.ts as a classic script, preceded by the URLs of the article page's chunks. */
async function openEarlyScript(articlePage: string[]): Promise<string> {
  const { code } = await transformWithOxc(readFileSync(OPEN_EARLY_SOURCE, 'utf8'), OPEN_EARLY_SOURCE, { lang: 'ts' });
  return `const ARTICLE_PAGE = ${JSON.stringify(articlePage)};\n${code.replace(/^export\s*\{\s*\};?.*$/m, '')}`;
}

/**
 * Writes /open-early.js (client/src/pages/open-early.ts), which index.html runs before the
 * app: it needs the hashed names of the article page's chunk and the chunks it imports. Part
 * of the bundle, so the service worker precaches it too.
 */
function openEarly(): Plugin {
  return {
    name: 'factdesk-open-early',
    async generateBundle(_options, bundle) {
      const page = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/pages/ArticlePage.tsx'));
      // The app's entry and what index.html preloads for it are on their way already.
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      const loading = new Set(entry?.type === 'chunk' ? [entry.fileName, ...entry.imports] : []);
      const chunks = page?.type === 'chunk' ? [page.fileName, ...page.imports].filter((name) => !loading.has(name)).map((name) => `/${name}`) : [];
      this.emitFile({ type: 'asset', fileName: 'open-early.js', source: await openEarlyScript(chunks) });
    },
    configureServer(server) {
      // In development the article page is not one chunk: only the payload is asked for early.
      server.middlewares.use('/open-early.js', (_req, res) => {
        void openEarlyScript([]).then((script) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(script);
        });
      });
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), openEarly(), serviceWorker()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': forwardToServer,
      '/collab': { ...forwardToServer, ws: true },
    },
  },
});
