/**
 * Slows down password guessing: after too many failed sign-ins for one login, or from one
 * address, within a window, further attempts are refused until the window ends. In memory,
 * so a restart forgives — acceptable for one process, and it never locks anyone out for good.
 */

export interface LoginLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}

export interface LoginLimiter {
  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(login: string, address: string): number;
  recordFailure(login: string, address: string): void;
  /** A successful sign-in clears the login's failures (not the address's: one valid account must not reset guessing at others). */
  recordSuccess(login: string): void;
}

interface Window {
  failures: number;
  endsAt: number;
}

/** Bounds the memory an attacker can make us hold by trying many logins. */
const MAX_KEYS = 10_000;

/** 10 failures per 15 minutes by default, counted per login and per address. */
export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  const live = (key: string): Window | undefined => {
    const window = windows.get(key);
    if (window && window.endsAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  };

  const prune = () => {
    const at = now();
    for (const [key, window] of windows) if (window.endsAt <= at) windows.delete(key);
    // Still full of live entries: drop the oldest (Map keeps insertion order).
    for (const key of windows.keys()) {
      if (windows.size < MAX_KEYS) break;
      windows.delete(key);
    }
  };

  const fail = (key: string) => {
    const window = live(key);
    if (window) window.failures++;
    else {
      if (windows.size >= MAX_KEYS) prune();
      windows.set(key, { failures: 1, endsAt: now() + windowMs });
    }
  };

  const wait = (key: string): number => {
    const window = live(key);
    return window && window.failures >= maxFailures ? Math.ceil((window.endsAt - now()) / 1000) : 0;
  };

  return {
    retryAfter: (login, address) => Math.max(wait(`login:${login}`), wait(`address:${address}`)),
    recordFailure(login, address) {
      fail(`login:${login}`);
      fail(`address:${address}`);
    },
    recordSuccess: (login) => void windows.delete(`login:${login}`),
  };
}
