/**
 * Installs the service worker (service-worker.ts, built to /sw.js) in production builds, so
 * the app opens offline after one online visit. A script file, not an inline one: the
 * server's policy allows scripts from 'self' only.
 *
 * Not at once: installing starts a worker thread that fetches and stores every asset of the
 * app, which on a two-core machine took CPU from the page opening an article (≈ 100 ms of a
 * ten-thousand-claim article's first paint). It waits until the page has loaded and the
 * browser has been idle for a whole idle period (or, on a page that is never idle, MAX_WAIT_MS).
 */

/** What the wait uses of the browser (the window in the app; a fake clock in tests). */
export interface IdleHost {
  readyState(): DocumentReadyState;
  onLoad(run: () => void): void;
  requestIdle(run: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void, timeoutMs: number): void;
  now(): number;
}

/** An idle period with at least this much time left counts as the page being idle (the longest is 50 ms). */
export const IDLE_ENOUGH_MS = 40;
/** Past this, the worker is installed anyway. */
export const MAX_WAIT_MS = 10_000;

/** Runs `run` once the page has loaded and then been idle for a whole idle period, or MAX_WAIT_MS after it loaded. */
export function whenPageIdle(host: IdleHost, run: () => void): void {
  const waitIdle = () => {
    const until = host.now() + MAX_WAIT_MS;
    const ask = () =>
      host.requestIdle((deadline) => {
        if (deadline.timeRemaining() >= IDLE_ENOUGH_MS || deadline.didTimeout || host.now() >= until) run();
        else ask();
      }, Math.max(0, until - host.now()));
    ask();
  };
  if (host.readyState() === 'complete') waitIdle();
  else host.onLoad(waitIdle);
}

const browserHost: IdleHost = {
  readyState: () => document.readyState,
  onLoad: (run) => window.addEventListener('load', run, { once: true }),
  // Browsers without requestIdleCallback (Safari) wait a moment instead.
  requestIdle: (run, timeoutMs) =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(run, { timeout: timeoutMs })
      : window.setTimeout(() => run({ timeRemaining: () => IDLE_ENOUGH_MS, didTimeout: false }), Math.min(timeoutMs, 2_000)),
  now: () => performance.now(),
};

/** Registers /sw.js when the browser supports service workers (not in `vite` dev mode), once the page is idle. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  whenPageIdle(browserHost, () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('The offline service worker could not be installed:', error);
    });
  });
}
