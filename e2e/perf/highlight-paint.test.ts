/** A tiny run of the browser benchmark (npm run bench -- --only browser), so it cannot rot; and the static copy of a long article. */
import { describe, expect, it } from 'vitest';
import { STATIC_COPY_FROM } from '@factdesk/shared';
import { measureHighlightPaint } from './highlight-paint.js';

describe('the browser benchmark', () => {
  it('sees every highlight painted after navigation and a remote claim painted after it arrived', async () => {
    const result = await measureHighlightPaint({ claims: 5, runs: 1, remoteClaims: 1, signatures: true });
    expect(result.loads).toHaveLength(1);
    expect(result.allPaintedMs).toBeGreaterThan(0);
    expect(result.remote).toHaveLength(1);
    expect(result.remotePaintMs).toBeGreaterThanOrEqual(0);
    // A short article is drawn by the view at once: no static copy.
    expect(result.views).toEqual(result.loads);
    expect(result.shown![0].copy).toBeNull();
  }, 60_000);

  it('paints a long article as a static copy first, which the view replaces without changing what is shown', async () => {
    const claims = STATIC_COPY_FROM + 100;
    const result = await measureHighlightPaint({ claims, runs: 1, remoteClaims: 1, signatures: true });
    const [{ copy, view }] = result.shown!;
    expect(copy).not.toBeNull();
    expect(result.views[0]).toBeGreaterThan(result.loads[0]);
    expect(copy!.pieces.length).toBeGreaterThan(claims / 2);
    expect(copy!.blocks).toEqual(view.blocks);
    expect(copy!.text).toEqual(view.text);
    expect(copy!.pieces).toEqual(view.pieces);
    // The remote claim was drawn by the view.
    expect(result.remote).toHaveLength(1);
  }, 90_000);
});
