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

  it('reads the claim to focus from an article link, as the review queue writes it', () => {
    expect(parseRoute('/articles/un-vote?claim=c%201')).toEqual({ name: 'article', id: 'un-vote', claim: 'c 1' });
    expect(routePath({ name: 'article', id: 'un-vote', claim: 'c 1' })).toBe('/articles/un-vote?claim=c%201');
  });

  it('maps /review-queue to the review queue', () => {
    expect(parseRoute('/review-queue')).toEqual({ name: 'review-queue' });
  });

  it('names an unknown path as not found', () => {
    expect(parseRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('prints every route back to a path that parses to the same route', () => {
    for (const path of ['/', '/team', '/signin', '/review-queue', '/articles/x%2Fy', '/articles/x?claim=abc']) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
  });
});
