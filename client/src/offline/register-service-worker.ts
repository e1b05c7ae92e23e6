/**
 * Installs the service worker (service-worker.ts, built to /sw.js) in production builds, so
 * the app opens offline after one online visit. A script file, not an inline one: the
 * server's policy allows scripts from 'self' only.
 *
 * Not at once: installing starts a worker thread that fetches and stores every asset of the
 * app, which on a two-core machine took CPU from the page opening an article (≈ 100 ms of a
 * ten-thousand-claim article's first paint). It waits until the page is idle (page-idle.ts).
 */
import { browserIdleHost, whenPageIdle } from '../app/page-idle.js';

/** Registers /sw.js when the browser supports service workers (not in `vite` dev mode), once the page is idle. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  whenPageIdle(browserIdleHost, () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('The offline service worker could not be installed:', error);
    });
  });
}
