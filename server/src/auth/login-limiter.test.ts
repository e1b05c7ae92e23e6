import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limiter.js';

describe('the login limiter', () => {
  const setup = () => {
    let clock = 1_000_000;
    const limiter = createLoginLimiter({ maxFailures: 3, windowMs: 60_000, now: () => clock });
    return { limiter, advance: (ms: number) => (clock += ms) };
  };

  it('allows attempts until a login has failed too often, then asks to wait out the window', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('alice', '10.0.0.1')).toBe(0);
      limiter.recordFailure('alice', `10.0.0.${i}`);
    }
    expect(limiter.retryAfter('alice', '10.0.0.9')).toBe(60);
    advance(59_000);
    expect(limiter.retryAfter('alice', '10.0.0.9')).toBe(1);
    advance(1_000);
    expect(limiter.retryAfter('alice', '10.0.0.9')).toBe(0);
  });

  it('also stops one address trying many logins', () => {
    const { limiter } = setup();
    for (const login of ['a', 'b', 'c']) limiter.recordFailure(login, '10.0.0.1');
    expect(limiter.retryAfter('d', '10.0.0.1')).toBeGreaterThan(0);
    expect(limiter.retryAfter('d', '10.0.0.2')).toBe(0);
  });

  it("forgets a login's failures after it signs in, but not the address's", () => {
    const { limiter } = setup();
    limiter.recordFailure('alice', '10.0.0.1');
    limiter.recordFailure('alice', '10.0.0.1');
    limiter.recordSuccess('alice');
    limiter.recordFailure('alice', '10.0.0.2');
    limiter.recordFailure('alice', '10.0.0.3');
    expect(limiter.retryAfter('alice', '10.0.0.4')).toBe(0);
    limiter.recordFailure('bob', '10.0.0.1');
    expect(limiter.retryAfter('carol', '10.0.0.1')).toBeGreaterThan(0);
  });
});
