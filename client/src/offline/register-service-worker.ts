/**
 * Installs the service worker (service-worker.ts, built to /sw.js) in production builds, so
 * the app opens offline after one online visit. A script file, not an inline one: the
 * server's policy allows scripts from 'self' only.
 */

/** Registers /sw.js when the browser supports service workers (not in `vite` dev mode). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('The offline service worker could not be installed:', error);
  });
}
