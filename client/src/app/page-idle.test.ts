import { describe, expect, it } from 'vitest';
import { IDLE_ENOUGH_MS, MAX_WAIT_MS, whenPageIdle, type IdleHost } from './page-idle.js';

/** A page whose load, idle periods and clock the test drives. */
function fakePage(state: DocumentReadyState) {
  let now = 0;
  let loaded: (() => void) | null = null;
  const idle: { run: Parameters<IdleHost['requestIdle']>[0]; timeoutMs: number }[] = [];
  const host: IdleHost = {
    readyState: () => state,
    onLoad: (run) => void (loaded = run),
    requestIdle: (run, timeoutMs) => void idle.push({ run, timeoutMs }),
    now: () => now,
  };
  return {
    host,
    load() {
      state = 'complete';
      loaded?.();
    },
    /** The browser runs the pending idle callback with `left` ms of idle time, at time `at`. */
    idlePeriod(left: number, at = now, didTimeout = false) {
      now = at;
      const next = idle.shift();
      if (!next) throw new Error('no idle callback was asked for');
      next.run({ timeRemaining: () => left, didTimeout });
      return next.timeoutMs;
    },
    pending: () => idle.length,
  };
}

describe('waiting until the page is idle', () => {
  it('waits for the page to load, then for a whole idle period', () => {
    const page = fakePage('interactive');
    let ran = 0;
    whenPageIdle(page.host, () => ran++);
    expect(page.pending()).toBe(0);
    page.load();
    expect(page.idlePeriod(5, 100)).toBe(MAX_WAIT_MS);
    expect(ran).toBe(0);
    // Asked again, with what is left of the longest wait.
    expect(page.idlePeriod(IDLE_ENOUGH_MS - 1, 300)).toBe(MAX_WAIT_MS - 100);
    expect(ran).toBe(0);
    page.idlePeriod(IDLE_ENOUGH_MS, 400);
    expect(ran).toBe(1);
    expect(page.pending()).toBe(0);
  });

  it('starts waiting for idleness at once on a page that has already loaded', () => {
    const page = fakePage('complete');
    let ran = 0;
    whenPageIdle(page.host, () => ran++);
    page.idlePeriod(49);
    expect(ran).toBe(1);
  });

  it('runs anyway when the page is never idle long enough', () => {
    const page = fakePage('complete');
    let ran = 0;
    whenPageIdle(page.host, () => ran++);
    page.idlePeriod(1, 5_000);
    expect(ran).toBe(0);
    page.idlePeriod(1, MAX_WAIT_MS, true);
    expect(ran).toBe(1);
  });
});
