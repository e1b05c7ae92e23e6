/**
 * The app's four screens and their URLs. Parsing and printing are pure so the router, links
 * and tests agree on one mapping.
 */

export type Route =
  | { name: 'articles' }
  | { name: 'article'; id: string }
  | { name: 'team' }
  | { name: 'signin' }
  | { name: 'not-found'; path: string };

/** The route a path names. */
export function parseRoute(path: string): Route {
  const clean = path.replace(/[?#].*$/, '').replace(/\/+$/, '') || '/';
  if (clean === '/') return { name: 'articles' };
  if (clean === '/team') return { name: 'team' };
  if (clean === '/signin') return { name: 'signin' };
  const article = /^\/articles\/([^/]+)$/.exec(clean);
  if (article) {
    try {
      return { name: 'article', id: decodeURIComponent(article[1]) };
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
      return `/articles/${encodeURIComponent(route.id)}`;
    case 'team':
      return '/team';
    case 'signin':
      return '/signin';
    case 'not-found':
      return route.path;
  }
}
