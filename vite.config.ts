/**
 * Builds the browser app in client/ into dist/client, which the server serves, plus its
 * offline service worker (/sw.js, see client/src/offline/service-worker.ts). In development
 * (`npm run dev:client`) the Vite server forwards the API and the collaboration sockets to the
 * Factdesk server on port 3000, so the app is same-origin in both setups.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://localhost:3000';
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

export default defineConfig({
  root: 'client',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server, ws: true },
    },
  },
});
