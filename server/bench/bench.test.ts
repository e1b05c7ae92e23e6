/** A tiny run of the benchmark, so that `npm run bench` cannot rot between runs. */
import { describe, expect, it } from 'vitest';
import { measureValidationOverhead } from './validation-overhead.js';

describe('the benchmark', () => {
  it('measures the validation overhead on a real server process', async () => {
    const result = await measureValidationOverhead(300, 1);
    expect(result.checkedCpuMs).toBeGreaterThan(0);
    expect(result.uncheckedCpuMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.overhead)).toBe(true);
  }, 60_000);
});
