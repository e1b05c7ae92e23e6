/**
 * Builds the browser app in client/ into dist/client, which the server serves. In development
 * (`npm run dev:client`) the Vite server forwards the API and the collaboration sockets to the
 * Factdesk server on port 3000, so the app is same-origin in both setups.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
