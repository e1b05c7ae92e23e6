/**
 * A tiny router over the History API: the URL is the source of the current route, `navigate`
 * pushes a new entry, and Back/Forward update the store.
 */
import { useUi } from '../store/ui-store.js';
import { parseRoute } from './routes.js';

/** Goes to a path inside the app (adds a history entry unless `replace`). */
export function navigate(path: string, { replace = false } = {}): void {
  if (path !== location.pathname + location.search) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  useUi.getState().setRoute(parseRoute(path));
  window.scrollTo(0, 0);
}

/** Follows Back and Forward; returns the function that stops it. */
export function startRouter(): () => void {
  const onPopState = () => useUi.getState().setRoute(parseRoute(location.pathname + location.search));
  window.addEventListener('popstate', onPopState);
  return () => window.removeEventListener('popstate', onPopState);
}
