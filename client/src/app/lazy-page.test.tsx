import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page.js';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

const fallback = <p>Loading…</p>;

describe('a screen loaded on first use', () => {
  // Rendered with no Suspense boundary: a screen that suspended would make renderToString fail.
  it('shows its fallback until its code has arrived, without suspending', () => {
    const Page = lazyPage(() => new Promise<typeof Greeting>(() => {}), fallback);
    expect(renderToString(<Page name="Ann" />)).toContain('Loading…');
  });

  it('renders at once once preloaded', async () => {
    const Page = lazyPage(async () => Greeting, fallback);
    await Page.preload();
    expect(renderToString(<Page name="Ann" />)).toContain('Hello <!-- -->Ann');
  });

  it('loads its code once, however often it is asked', async () => {
    let loads = 0;
    const Page = lazyPage(async () => {
      loads++;
      return Greeting;
    }, fallback);
    await Promise.all([Page.preload(), Page.preload()]);
    renderToString(<Page name="Ann" />);
    expect(loads).toBe(1);
  });

  it('tries again after a failed download', async () => {
    let attempts = 0;
    const Page = lazyPage(async () => {
      if (++attempts === 1) throw new Error('offline');
      return Greeting;
    }, fallback);
    await expect(Page.preload()).rejects.toThrow('offline');
    await expect(Page.preload()).resolves.toBe(Greeting);
  });
});
