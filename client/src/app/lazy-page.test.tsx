import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page.js';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

const render = (element: React.ReactElement) => renderToString(<Suspense fallback={<p>Loading…</p>}>{element}</Suspense>);

describe('a screen loaded on first use', () => {
  it('shows the fallback until its code has arrived', () => {
    const Page = lazyPage(() => new Promise<typeof Greeting>(() => {}));
    expect(render(<Page name="Ann" />)).toContain('Loading…');
  });

  it('renders at once, without suspending, once preloaded', async () => {
    const Page = lazyPage(async () => Greeting);
    await Page.preload();
    expect(render(<Page name="Ann" />)).toContain('Hello <!-- -->Ann');
  });

  it('loads its code once, however often it is asked', async () => {
    let loads = 0;
    const Page = lazyPage(async () => {
      loads++;
      return Greeting;
    });
    await Promise.all([Page.preload(), Page.preload()]);
    render(<Page name="Ann" />);
    expect(loads).toBe(1);
  });

  it('tries again after a failed download', async () => {
    let attempts = 0;
    const Page = lazyPage(async () => {
      if (++attempts === 1) throw new Error('offline');
      return Greeting;
    });
    await expect(Page.preload()).rejects.toThrow('offline');
    await expect(Page.preload()).resolves.toBe(Greeting);
  });
});
