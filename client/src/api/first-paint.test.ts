import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeFirstPaint } from './first-paint.js';
import { ApiError } from './http.js';

const holder = globalThis as unknown as { __factdeskEarly?: Record<string, { response: Promise<Response>; at: number }> };
const PATH = '/api/documents/a/first-paint';
const answer = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status }));
/** The early request open-early.js made for article a, answered with `status`. */
const early = (status: number, body: unknown) => (holder.__factdeskEarly = { [PATH]: { response: answer(status, body), at: performance.now() } });

describe("the article's first-paint payload", () => {
  const fetchCalls = vi.fn((path: string) => {
    void path;
    return answer(200, { documentId: 'a', asked: 'again' });
  });
  beforeEach(() => vi.stubGlobal('fetch', fetchCalls));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchCalls.mockClear();
    delete holder.__factdeskEarly;
  });

  it('takes the early request when it succeeded, without asking again', async () => {
    early(200, { documentId: 'a' });
    expect(await takeFirstPaint('a')).toEqual({ documentId: 'a' });
    expect(fetchCalls).not.toHaveBeenCalled();
  });

  it('asks again when the early request was made before signing in', async () => {
    early(401, { error: 'Sign in first.' });
    expect(await takeFirstPaint('a')).toEqual({ documentId: 'a', asked: 'again' });
    expect(fetchCalls).toHaveBeenCalledTimes(1);
    expect(fetchCalls.mock.calls[0][0]).toBe(PATH);
  });

  it('takes a missing or forbidden article as the answer, without asking a second time', async () => {
    for (const status of [404, 403]) {
      early(status, { error: 'There is no such document.' });
      const refused = await takeFirstPaint('a').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).status).toBe(status);
    }
    expect(fetchCalls).not.toHaveBeenCalled();
  });
});
