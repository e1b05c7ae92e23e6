/**
 * The app's screens and their URLs. Parsing and printing are pure so the router, links
 * and tests agree on one mapping.
 */

export type Route =
  | { name: 'articles' }
  | { name: 'article'; id: string; claim?: string }
  | { name: 'review-queue' }
  | { name: 'team' }
  | { name: 'signin' }
  | { name: 'not-found'; path: string };

/** The route a path names; `?claim=<id>` on an article opens it with that claim in focus. */
export function parseRoute(path: string): Route {
  const clean = path.replace(/[?#].*$/, '').replace(/\/+$/, '') || '/';
  if (clean === '/') return { name: 'articles' };
  if (clean === '/team') return { name: 'team' };
  if (clean === '/review-queue') return { name: 'review-queue' };
  if (clean === '/signin') return { name: 'signin' };
  const article = /^\/articles\/([^/]+)$/.exec(clean);
  if (article) {
    try {
      const id = decodeURIComponent(article[1]);
      const claim = queryParam(path, 'claim');
      return claim ? { name: 'article', id, claim } : { name: 'article', id };
    } catch {
      return { name: 'not-found', path };
    }
  }
  return { name: 'not-found', path };
}

/** The path of a route. */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'articles':
      return '/';
    case 'article':
      return `/articles/${encodeURIComponent(route.id)}${route.claim ? `?claim=${encodeURIComponent(route.claim)}` : ''}`;
    case 'review-queue':
      return '/review-queue';
    case 'team':
      return '/team';
    case 'signin':
      return '/signin';
    case 'not-found':
      return route.path;
  }
}

/** One query parameter of a path, or null (also when it is malformed). */
function queryParam(path: string, name: string): string | null {
  const query = /\?([^#]*)/.exec(path)?.[1];
  if (!query) return null;
  try {
    return new URLSearchParams(query).get(name) || null;
  } catch {
    return null;
  }
}
