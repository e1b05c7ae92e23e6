/** A tiny run of the browser benchmark (npm run bench -- --only browser), so it cannot rot. */
import { describe, expect, it } from 'vitest';
import { measureHighlightPaint } from './highlight-paint.js';

describe('the browser benchmark', () => {
  it('sees every highlight painted after navigation and a remote claim painted after it arrived', async () => {
    const result = await measureHighlightPaint({ claims: 5, runs: 1, remoteClaims: 1 });
    expect(result.loads).toHaveLength(1);
    expect(result.allPaintedMs).toBeGreaterThan(0);
    expect(result.remote).toHaveLength(1);
    expect(result.remotePaintMs).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
