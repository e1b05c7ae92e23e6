/**
 * A tiny router: method + path pattern (`/api/users/:id`) → route. Knowing every pattern
 * also lets it tell "no such path" (404) from "not with this method" (405).
 */

export interface Match<R> {
  route: R;
  params: Record<string, string>;
}

export type Lookup<R> = Match<R> | { allowed: string[] } | null;

interface Entry<R> {
  method: string;
  segments: string[];
  route: R;
}

export interface Router<R> {
  add(method: string, pattern: string, route: R): void;
  /** The route for this request; `{ allowed }` when only the method is wrong; null when nothing matches. */
  find(method: string, pathname: string): Lookup<R>;
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Params of `segments` against `pattern`, or null. A malformed %-escape never matches. */
function matchSegments(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      try {
        params[pattern[i].slice(1)] = decodeURIComponent(segments[i]);
      } catch {
        return null;
      }
    } else if (pattern[i] !== segments[i]) return null;
  }
  return params;
}

/** An empty router. */
export function createRouter<R>(): Router<R> {
  const entries: Entry<R>[] = [];
  return {
    add(method, pattern, route) {
      entries.push({ method: method.toUpperCase(), segments: split(pattern), route });
    },
    find(method, pathname) {
      const segments = split(pathname);
      const allowed: string[] = [];
      for (const entry of entries) {
        const params = matchSegments(entry.segments, segments);
        if (!params) continue;
        if (entry.method === method.toUpperCase()) return { route: entry.route, params };
        allowed.push(entry.method);
      }
      return allowed.length > 0 ? { allowed } : null;
    },
  };
}
