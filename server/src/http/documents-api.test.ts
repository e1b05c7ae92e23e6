import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('the documents API', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer({ seeds: { 'bridge.txt': 'Mayor promises new bridge\nIt will open in 2027.' } });
    token = (await t.addUser('val', 'viewer')).token;
  });
  afterAll(() => t.close());

  it('lists the documents for anyone signed in', async () => {
    const answer = await t.call('/api/documents', { token });
    expect(answer).toMatchObject({ status: 200 });
    expect(answer.body).toEqual({
      documents: [
        {
          id: 'bridge',
          title: 'Mayor promises new bridge',
          sourceUrl: '',
          publisher: '',
          publishedAt: '',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          lastActivity: expect.any(String),
          archived: false,
          counts: expect.objectContaining({ total: 0 }),
        },
      ],
    });
  });

  it('returns one document, or a 404', async () => {
    expect(await t.call('/api/documents/bridge', { token })).toMatchObject({
      status: 200,
      body: { id: 'bridge', title: 'Mayor promises new bridge', sourceUrl: '', archived: false },
    });
    expect(await t.call('/api/documents/missing', { token })).toMatchObject({ status: 404, body: { error: 'There is no such document.' } });
  });
});
