/**
 * A screen whose code loads on first use. Once the code has arrived the screen is rendered
 * directly: React.lazy suspends on its first render even when the code is already there, and
 * React then holds the boundary's content back for up to 300 ms after its fallback showed —
 * on an article opened by its address that was most of the idle time before the first paint.
 * `preload` starts loading ahead of the first render (the article page: at start-up, when the
 * address is an article's; index.html's /open-early.js has already fetched its chunks).
 */
import { lazy, type ComponentType, type ReactElement } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReactElement;
  /** Starts loading the code (once); resolves with the screen. */
  preload(): Promise<ComponentType<P>>;
}

/** The screen `load` resolves with, rendered through Suspense only until its code has arrived. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        loading = null; // a failed download may be retried on the next render
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then((screen) => ({ default: screen })));
  function Page(props: P): ReactElement {
    const Screen = loaded ?? Suspending;
    return <Screen {...props} />;
  }
  return Object.assign(Page, { preload });
}
