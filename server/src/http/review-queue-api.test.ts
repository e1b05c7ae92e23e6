import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('the review queue API', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ seeds: { 'bridge.txt': 'The bridge\n\nIt cost £2bn.' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks whoever is not signed in to sign in', async () => {
    const answer = await t.call('/api/review-queue');
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatch(/sign in/i);
  });

  it('refuses viewers and annotators with a readable message', async () => {
    for (const role of ['viewer', 'annotator']) {
      const { token } = await t.addUser(`${role}-1`, role);
      const answer = await t.call('/api/review-queue', { token });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ error: 'Only reviewers and admins see the review queue.' });
    }
  });

  it('answers reviewers and admins with the claims in review (none yet)', async () => {
    const { token } = await t.addUser('rita', 'reviewer');
    for (const who of [token, await t.adminToken()]) {
      const answer = await t.call('/api/review-queue', { token: who });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ claims: [] });
    }
  });
});
