/** A tiny run of the benchmark, so that `npm run bench` cannot rot between runs. */
import { describe, expect, it } from 'vitest';
import { measureExport } from './export-html.js';
import { measureValidationOverhead } from './validation-overhead.js';

describe('the benchmark', () => {
  it('measures the validation overhead on a real server process', async () => {
    const result = await measureValidationOverhead(300, 1);
    expect(result.checkedCpuMs).toBeGreaterThan(0);
    expect(result.uncheckedCpuMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.overhead)).toBe(true);
  }, 60_000);

  it('times the three exporters on the seed article with generated claims', () => {
    const result = measureExport(20, 1);
    expect(result.claims).toBe(20);
    expect(result.htmlBytes).toBeGreaterThan(result.textLength);
    for (const ms of [result.htmlMs, result.jsonLdMs, result.csvMs]) expect(ms).toBeGreaterThan(0);
  });
});
