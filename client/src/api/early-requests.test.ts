import { afterEach, describe, expect, it } from 'vitest';
import { takeEarlyRequest } from './early-requests.js';

const holder = globalThis as unknown as { __factdeskEarly?: Record<string, { response: Promise<Response>; at: number }> };
const answer = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body)));

afterEach(() => {
  delete holder.__factdeskEarly;
});

describe('requests started before the app loaded', () => {
  it('are handed out by path, once each', async () => {
    const me = answer({ user: { id: 'u1' } });
    holder.__factdeskEarly = { '/api/me': { response: me, at: performance.now() } };
    expect(takeEarlyRequest('/api/documents/a/first-paint')).toBeNull();
    expect(takeEarlyRequest('/api/me')).toBe(me);
    expect(takeEarlyRequest('/api/me')).toBeNull(); // a later sign-in check asks the server again
  });

  it('are dropped when made long before they are asked for', () => {
    holder.__factdeskEarly = { '/api/me': { response: answer({}), at: performance.now() - 60_000 } };
    expect(takeEarlyRequest('/api/me')).toBeNull();
    expect(holder.__factdeskEarly['/api/me']).toBeUndefined();
  });

  it('are none when the page was not opened through index.html', () => {
    expect(takeEarlyRequest('/api/me')).toBeNull();
  });
});
