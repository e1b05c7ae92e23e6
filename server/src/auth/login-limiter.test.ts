import { describe, expect, it } from 'vitest';
import { createLoginLimiter, type LoginLimiterOptions } from './login-limiter.js';

const ATTACKER = '203.0.113.9';
const OFFICE = '198.51.100.7';

describe('the login limiter', () => {
  const setup = (options: LoginLimiterOptions = {}) => {
    let clock = 1_000_000;
    const limiter = createLoginLimiter({ now: () => clock, ...options });
    return { limiter, advance: (ms: number) => (clock += ms) };
  };

  /** Fails a sign-in from `address` as soon as the limiter lets it try, as a patient attacker does. */
  const failWhenAllowed = (t: ReturnType<typeof setup>, login: string, address: string) => {
    const wait = t.limiter.retryAfter(login, address);
    if (wait > 0) t.advance(wait * 1000);
    t.limiter.recordFailure(login, address);
  };

  it('lets the real user sign in at once from their address while an attacker fails 50 times from another', () => {
    const t = setup();
    t.limiter.recordSuccess('alice', OFFICE);
    for (let i = 0; i < 50; i++) failWhenAllowed(t, 'alice', ATTACKER);
    expect(t.limiter.retryAfter('alice', OFFICE)).toBe(0);
    expect(t.limiter.retryAfter('alice', ATTACKER)).toBeGreaterThan(0);
  });

  it('lets a first sign-in from a new address through while one other address hammers the account', () => {
    const t = setup();
    for (let i = 0; i < 50; i++) failWhenAllowed(t, 'alice', ATTACKER);
    expect(t.limiter.retryAfter('alice', '192.0.2.1')).toBe(0);
  });

  it('allows five failures of a login from an address, then waits 1 s, doubling to a cap', () => {
    const t = setup({ maxDelayMs: 8_000 });
    for (let i = 0; i < 4; i++) t.limiter.recordFailure('alice', ATTACKER);
    expect(t.limiter.retryAfter('alice', ATTACKER)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      t.limiter.recordFailure('alice', ATTACKER);
      waits.push(t.limiter.retryAfter('alice', ATTACKER));
      t.advance(waits.at(-1)! * 1000);
      expect(t.limiter.retryAfter('alice', ATTACKER)).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 8, 8]);
  });

  it('also slows one address trying many logins, and not other addresses', () => {
    const t = setup({ maxFailures: 3 });
    for (const login of ['a', 'b', 'c']) t.limiter.recordFailure(login, ATTACKER);
    expect(t.limiter.retryAfter('d', ATTACKER)).toBeGreaterThan(0);
    expect(t.limiter.retryAfter('d', OFFICE)).toBe(0);
  });

  it('slows guessing spread over many addresses only past a far higher count, briefly, and not where the login signed in before', () => {
    const t = setup({ maxAccountFailures: 100, maxAccountDelayMs: 30_000 });
    t.limiter.recordSuccess('alice', OFFICE);
    for (let i = 0; i < 99; i++) t.limiter.recordFailure('alice', `10.0.${i >> 8}.${i & 255}`);
    expect(t.limiter.retryAfter('alice', '192.0.2.1')).toBe(0);
    for (let i = 0; i < 20; i++) t.limiter.recordFailure('alice', `10.1.0.${i}`);
    expect(t.limiter.retryAfter('alice', '192.0.2.1')).toBeGreaterThan(0);
    expect(t.limiter.retryAfter('alice', '192.0.2.1')).toBeLessThanOrEqual(30);
    expect(t.limiter.retryAfter('alice', OFFICE)).toBe(0);
  });

  it("forgets a pair's failures after it signs in, but not the address's", () => {
    const t = setup({ maxFailures: 3 });
    t.limiter.recordFailure('alice', ATTACKER);
    t.limiter.recordFailure('alice', ATTACKER);
    t.limiter.recordSuccess('alice', ATTACKER);
    t.limiter.recordFailure('alice', ATTACKER);
    t.limiter.recordFailure('bob', ATTACKER);
    expect(t.limiter.retryAfter('carol', ATTACKER)).toBeGreaterThan(0);
    expect(t.limiter.retryAfter('alice', OFFICE)).toBe(0);
  });

  it('forgets failures after an hour without another', () => {
    const t = setup({ maxFailures: 3 });
    for (let i = 0; i < 3; i++) t.limiter.recordFailure('alice', ATTACKER);
    expect(t.limiter.retryAfter('alice', ATTACKER)).toBeGreaterThan(0);
    t.advance(60 * 60 * 1000);
    t.limiter.recordFailure('alice', ATTACKER);
    expect(t.limiter.retryAfter('alice', ATTACKER)).toBe(0);
  });
});
