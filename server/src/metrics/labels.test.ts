/**
 * Metric labels come from small fixed sets: a refusal's sentence or a request's path, which a
 * client chooses, never becomes a label of its own.
 */
import { describe, expect, it } from 'vitest';
import { methodLabel, routeLabel } from './http-routes.js';
import { refusalReason } from './refusal-reasons.js';

describe('the kind of a refusal', () => {
  it.each([
    ['viewers cannot change claims', 'permission'],
    ['viewers cannot change the article', 'permission'],
    ['you can edit only your own claims', 'permission'],
    ["the change was made under another person's session", 'permission'],
    ['only the server writes the article text', 'permission'],
    ['the status of a claim is changed only by the server (submit, approve or request changes)', 'permission'],
    ['the server records when a claim was created', 'permission'],
    ['the author of a new claim must be you', 'permission'],
    ['invalid verdict: Invalid option', 'invalid'],
    ['a claim has no field "x"', 'invalid'],
    ['the sources of a claim has a fixed shape', 'invalid'],
    ['the change could not be decoded', 'malformed'],
    ['the change is malformed', 'malformed'],
    ['the change names clocks past what any client writes', 'malformed'],
    ['the change depends on an earlier change the server does not have', 'incomplete'],
    ['the change could not be applied whole', 'incomplete'],
    ['the change has a gap in it (a Skip struct); it must be sent whole', 'incomplete'],
    ['this article has reached its storage limit (64 MB): ask an admin to archive claims or start a new version', 'quota'],
    ['a sentence nobody wrote yet', 'other'],
  ])('"%s" is %s', (sentence, kind) => {
    expect(refusalReason(sentence)).toBe(kind);
  });
});

describe('the route of a request', () => {
  const api = (method: string, pathname: string) => (method === 'GET' && /^\/api\/documents\/[^/]+$/.test(pathname) ? '/api/documents/:id' : null);

  it.each([
    ['GET', '/api/documents/bridge', '/api/documents/:id'],
    ['GET', '/api/nothing/here', 'other'],
    ['GET', '/healthz', '/healthz'],
    ['GET', '/metrics', '/metrics'],
    ['GET', '/articles/bridge', '/articles/:id'],
    ['GET', '/assets/index-3f2a.js', 'static'],
    ['POST', '/wp-login.php', 'other'],
  ])('%s %s is counted as %s', (method, pathname, route) => {
    expect(routeLabel(method, pathname, api)).toBe(route);
  });

  it('counts an unknown method as other', () => {
    expect(methodLabel('BREW')).toBe('other');
    expect(methodLabel('DELETE')).toBe('DELETE');
  });
});
