/**
 * Work that can wait until the page has loaded and the browser has been idle for a whole idle
 * period (or, on a page that is never idle, MAX_WAIT_MS): anything done before that is done on
 * the way to the first paint of the page being opened, which on an article with thousands of
 * claims has no time to spare. Used to install the service worker (≈ 100 ms of CPU on a two-core
 * machine) and to remember who is signed in (the tab's first use of localStorage, ≈ 25 ms).
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
/** Past this, the work runs anyway. */
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

/** The app's page: its load event and requestIdleCallback. */
export const browserIdleHost: IdleHost = {
  readyState: () => document.readyState,
  onLoad: (run) => window.addEventListener('load', run, { once: true }),
  // Browsers without requestIdleCallback (Safari) wait a moment instead.
  requestIdle: (run, timeoutMs) =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(run, { timeout: timeoutMs })
      : window.setTimeout(() => run({ timeRemaining: () => IDLE_ENOUGH_MS, didTimeout: false }), Math.min(timeoutMs, 2_000)),
  now: () => performance.now(),
};
