/**
 * Requests that /open-early.js (pages/open-early.ts, run by index.html before the app's code
 * has arrived) started: who is signed in, and an article's first-paint payload when the app
 * was opened at an article's address. Each is handed to the app once, by its path; a request
 * made more than a few seconds before it is asked for is not this page's and is dropped.
 */

/** Where open-early.ts leaves its requests (it cannot import this: it is a classic script). */
const HOLDER = '__factdeskEarly';
/** Older than this, an early request is not the page being opened (the script ran late, or this is a later visit). */
const FRESH_FOR_MS = 10_000;

interface EarlyRequest {
  response: Promise<Response>;
  /** performance.now() when it was made. */
  at: number;
}

/** The early request for `path`, if there is a fresh one; it is given out only once. */
export function takeEarlyRequest(path: string): Promise<Response> | null {
  const requests = (globalThis as unknown as Record<string, Record<string, EarlyRequest | undefined> | undefined>)[HOLDER];
  const early = requests?.[path];
  if (!requests || !early) return null;
  delete requests[path];
  return performance.now() - early.at <= FRESH_FOR_MS ? early.response : null;
}
