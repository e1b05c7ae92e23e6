/**
 * A screen whose code loads on first use. Until the code has arrived the screen shows its
 * fallback, and it renders itself again once it has; it never suspends. A suspending screen
 * (React.lazy) had React hold the boundary's content back for up to 300 ms after its fallback
 * showed: on an article opened by its address, whenever the signed-in check answered before the
 * page's code had run, that was a quarter of a second of idle time before the first paint.
 * `preload` starts loading ahead of the first render (the article page: at start-up, when the
 * address is an article's; index.html's /open-early.js has already fetched its chunks).
 */
import { createElement, useEffect, useState, type ComponentType, type ReactElement } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReactElement;
  /** Starts loading the code (once); resolves with the screen. */
  preload(): Promise<ComponentType<P>>;
}

/** The screen `load` resolves with; `fallback` is shown until its code has arrived, and a failed download is thrown to the error boundary. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactElement): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        loading = null; // a failed download may be retried when the screen is shown again
        throw error;
      },
    ));
  function Page(props: P): ReactElement {
    const [, setArrived] = useState(false);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      preload().then(
        () => current && setArrived(true),
        (error: unknown) => current && setFailure({ error }),
      );
      return () => {
        current = false;
      };
    }, []);
    if (failure) throw failure.error;
    return loaded ? createElement(loaded, props) : fallback;
  }
  return Object.assign(Page, { preload });
}
