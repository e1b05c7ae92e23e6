/**
 * Slows down password guessing without handing an attacker a way to lock the real user out.
 * Failures are counted per (login, address) and per address: past a few, each further attempt
 * waits twice as long as the one before, up to a cap. Per login across all addresses (guessing
 * spread over many machines) the threshold is far higher and the wait short, and it never
 * applies from an address the login has signed in from: a guess from elsewhere cannot keep
 * the real user out of their own account.
 * In memory, so a restart forgives — acceptable for one process.
 */

export interface LoginLimiterOptions {
  /** Failures of one (login, address) pair, or of one address, before attempts are slowed (default 5). */
  maxFailures?: number;
  /** The first wait once slowed; each further failure doubles it (default 1 s). */
  baseDelayMs?: number;
  /** The longest wait for a pair or an address (default 15 minutes). */
  maxDelayMs?: number;
  /** Failures of one login from all addresses before attempts from new addresses are slowed (default 100). */
  maxAccountFailures?: number;
  /** The longest wait for a login across addresses (default 30 s). */
  maxAccountDelayMs?: number;
  /** Failures are forgotten after this long without another one (default 1 hour). */
  forgetAfterMs?: number;
  now?: () => number;
}

export interface LoginLimiter {
  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(login: string, address: string): number;
  recordFailure(login: string, address: string): void;
  /**
   * A successful sign-in clears that pair's failures and makes the address one the login is
   * known at; the address's own failures stay (one valid account must not reset guessing at others).
   */
  recordSuccess(login: string, address: string): void;
}

interface Failures {
  count: number;
  last: number;
}

interface Rule {
  threshold: number;
  maxDelayMs: number;
}

/** Bounds the memory an attacker can make us hold by trying many logins from many addresses. */
const MAX_KEYS = 10_000;
/** Addresses remembered per login as ones it signed in from. */
const KNOWN_ADDRESSES = 20;

/** Exponential backoff per pair and address, a lenient one per login; defaults in LoginLimiterOptions. */
export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const now = options.now ?? Date.now;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const forgetAfterMs = options.forgetAfterMs ?? 60 * 60 * 1000;
  const local: Rule = { threshold: options.maxFailures ?? 5, maxDelayMs: options.maxDelayMs ?? 15 * 60 * 1000 };
  const account: Rule = { threshold: options.maxAccountFailures ?? 100, maxDelayMs: options.maxAccountDelayMs ?? 30_000 };
  const failures = new Map<string, Failures>();
  const known = new Map<string, string[]>();

  const live = (key: string): Failures | undefined => {
    const entry = failures.get(key);
    if (entry && now() - entry.last >= forgetAfterMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };

  /** Makes room in a full map by dropping its oldest entries (Map keeps insertion order). */
  const makeRoom = (map: Map<string, unknown>) => {
    for (const key of map.keys()) {
      if (map.size < MAX_KEYS) break;
      map.delete(key);
    }
  };

  const fail = (key: string) => {
    const entry = live(key);
    if (entry) {
      entry.count++;
      entry.last = now();
      return;
    }
    if (failures.size >= MAX_KEYS) {
      for (const k of failures.keys()) live(k);
      makeRoom(failures);
    }
    failures.set(key, { count: 1, last: now() });
  };

  /** Milliseconds still to wait under `rule`: from the threshold on, base × 2^(failures − threshold), capped. */
  const wait = (key: string, rule: Rule): number => {
    const entry = live(key);
    if (!entry || entry.count < rule.threshold) return 0;
    const delay = Math.min(rule.maxDelayMs, baseDelayMs * 2 ** Math.min(entry.count - rule.threshold, 30));
    return Math.max(0, entry.last + delay - now());
  };

  const knownAt = (login: string, address: string) => known.get(login)?.includes(address) ?? false;

  return {
    retryAfter(login, address) {
      const ms = Math.max(
        wait(`pair:${login}\n${address}`, local),
        wait(`address:${address}`, local),
        knownAt(login, address) ? 0 : wait(`login:${login}`, account),
      );
      return Math.ceil(ms / 1000);
    },
    recordFailure(login, address) {
      fail(`pair:${login}\n${address}`);
      fail(`address:${address}`);
      fail(`login:${login}`);
    },
    recordSuccess(login, address) {
      failures.delete(`pair:${login}\n${address}`);
      const addresses = (known.get(login) ?? []).filter((a) => a !== address);
      addresses.push(address);
      known.delete(login);
      makeRoom(known);
      known.set(login, addresses.slice(-KNOWN_ADDRESSES));
    },
  };
}
