import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes.js';

describe('routes', () => {
  it('maps the root to the article list', () => {
    expect(parseRoute('/')).toEqual({ name: 'articles' });
  });

  it('reads the article id from its path, decoded', () => {
    expect(parseRoute('/articles/a%20b')).toEqual({ name: 'article', id: 'a b' });
  });

  it('ignores a trailing slash, a query and a hash', () => {
    expect(parseRoute('/team/?x=1#top')).toEqual({ name: 'team' });
  });

  it('names an unknown path as not found', () => {
    expect(parseRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('prints every route back to a path that parses to the same route', () => {
    for (const path of ['/', '/team', '/signin', '/articles/x%2Fy']) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
  });
});
