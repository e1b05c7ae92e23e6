import { describe, expect, it } from 'vitest';
import { createRouter } from './router.js';

describe('the router', () => {
  const router = createRouter<string>();
  router.add('GET', '/api/users', 'list');
  router.add('POST', '/api/users', 'add');
  router.add('PATCH', '/api/users/:id', 'patch');
  router.add('POST', '/api/users/:id/password', 'reset');

  it('finds a route by method and path, with decoded params', () => {
    expect(router.find('GET', '/api/users')).toEqual({ route: 'list', params: {} });
    expect(router.find('PATCH', '/api/users/a%20b')).toEqual({ route: 'patch', params: { id: 'a b' } });
    expect(router.find('POST', '/api/users/7/password/')).toEqual({ route: 'reset', params: { id: '7' } });
  });

  it('tells a wrong method from a missing path', () => {
    expect(router.find('DELETE', '/api/users')).toEqual({ allowed: ['GET', 'POST'] });
    expect(router.find('GET', '/api/teams')).toBeNull();
    expect(router.find('PATCH', '/api/users/%E0%A4%A')).toBeNull();
  });
});
