/**
 * The labels an HTTP request is counted under. A raw path holds ids (one time series per
 * document) and whatever a scanner tries: requests are counted by the route pattern they
 * matched, and anything unmatched by one bounded label.
 */

/** The pattern of the API route a request matches (e.g. /api/documents/:id), or null. */
export type ApiRouteOf = (method: string, pathname: string) => string | null;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** The app's address of an article (client/src/app/routes.ts). */
const ARTICLE_PATH = /^\/articles\/[^/]+\/?$/;
const OWN_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The method label: one of the methods the server answers, or 'other'. */
export function methodLabel(method: string | undefined): string {
  return method && METHODS.has(method) ? method : 'other';
}

/** The route label: an API pattern, one of the server's own paths, '/articles/:id', 'static' (the app's files), or 'other'. */
export function routeLabel(method: string, pathname: string, apiRouteOf: ApiRouteOf): string {
  if (OWN_PATHS.has(pathname)) return pathname;
  if (pathname === '/api' || pathname.startsWith('/api/')) return apiRouteOf(method, pathname) ?? 'other';
  if (ARTICLE_PATH.test(pathname)) return '/articles/:id';
  return method === 'GET' || method === 'HEAD' ? 'static' : 'other';
}
