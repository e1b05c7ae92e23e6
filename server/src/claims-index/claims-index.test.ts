/**
 * The claims index with the real server: claims written over real y-websocket connections
 * show up in the review queue and in the article list's counts, and stay there after a
 * restart — also when the index itself was lost, since it is rebuilt from the update log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleSchema,
  canonicalText,
  createClaim,
  readArticleVersion,
  readClaim,
  targetFromRange,
  type PersonRef,
} from '@factdesk/shared';
import { DATABASE_FILE } from '../db/database.js';
import { transitionOrThrow } from '../testing/claim-requests.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const DOC = 'un-vote';
const seeds = { [`${DOC}.txt`]: seed, 'quiet.txt': 'A quiet article\n\nNothing to check here.' };

describe('the claims index', () => {
  const data = makeTempDir('factdesk-index-');
  const dataDir = join(data.path, 'data');
  let t: TestServer;
  let ann: { id: string; token: string; password: string };
  let rev: { id: string; token: string; password: string };
  const clients: CollabClient[] = [];
  let claimId = '';

  const restart = async () => {
    for (const client of clients.splice(0)) client.destroy();
    await t.close();
    t = await startTestServer({ dataDir, seeds });
    ann.token = await t.signIn('ann', ann.password);
    rev.token = await t.signIn('rex', rev.password);
  };
  const countsOf = async (id: string) => {
    const answer = await t.call('/api/documents', { token: rev.token });
    expect(answer.status).toBe(200);
    return answer.body.documents.find((d: { id: string }) => d.id === id).counts;
  };

  beforeAll(async () => {
    t = await startTestServer({ dataDir, seeds });
    ann = await t.addUser('ann', 'annotator');
    rev = await t.addUser('rex', 'reviewer');
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await t?.close();
    data.remove();
  });

  it('lists a claim written over the socket and submitted for review in the review queue, with its article, author and verdict', async () => {
    const annotator = connectCollab(t.url, DOC, ann.token);
    clients.push(annotator);
    await annotator.synced();
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(annotator.doc)!.doc));
    const exact = '93 votes in favor, 18 against, and 65 abstentions';
    const me: PersonRef = { id: ann.id, name: 'ann' };
    claimId = createClaim(annotator.doc, me, {
      target: targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1),
      verdict: 'mostly-false',
      rationale: 'The record says otherwise.',
      sources: [{ url: 'https://www.press.un.org/en/2025/ga12675.doc.htm', title: 'UN' }],
    });
    expect((await t.call('/api/review-queue', { token: rev.token })).body.claims).toEqual([]);

    await annotator.until((d) => !!readClaim(d, claimId)?.createdAt);
    await transitionOrThrow(t.url, ann.token, DOC, claimId, 'submit');
    const reviewer = connectCollab(t.url, DOC, rev.token);
    clients.push(reviewer);
    await reviewer.until((d) => readClaim(d, claimId)?.status === 'in-review');
    expect(annotator.rejections).toEqual([]);

    const queue = await t.call('/api/review-queue', { token: rev.token });
    expect(queue.status).toBe(200);
    expect(queue.body.claims).toHaveLength(1);
    expect(queue.body.claims[0]).toMatchObject({
      documentId: DOC,
      claimId,
      status: 'in-review',
      verdict: 'mostly-false',
      author: { id: ann.id, name: 'ann' },
      quote: exact,
      sourceDomains: ['press.un.org'],
      link: `/articles/${DOC}?claim=${claimId}`,
    });
    expect(queue.body.claims[0].documentTitle).toMatch(/\S/);
    expect(Date.parse(queue.body.claims[0].submittedAt)).not.toBeNaN();
  });

  it('counts the claims of each article by status and verdict, and follows a sign-off', async () => {
    let counts = await countsOf(DOC);
    expect(counts.total).toBe(1);
    expect(counts.byStatus).toEqual({ draft: 0, 'in-review': 1, approved: 0, 'changes-requested': 0 });
    expect(counts.byVerdict['mostly-false']).toBe(1);
    expect((await countsOf('quiet')).total).toBe(0);

    const reviewer = clients[1];
    await transitionOrThrow(t.url, rev.token, DOC, claimId, 'approve');
    await clients[0].until((d) => readClaim(d, claimId)?.status === 'approved');
    expect(reviewer.rejections).toEqual([]);

    counts = await countsOf(DOC);
    expect(counts.byStatus.approved).toBe(1);
    expect(counts.byStatus['in-review']).toBe(0);
    expect((await t.call('/api/review-queue', { token: rev.token })).body.claims).toEqual([]);
  });

  it('keeps the counts and the queue across a restart', async () => {
    const me: PersonRef = { id: ann.id, name: 'ann' };
    const annotator = clients[0];
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(annotator.doc)!.doc));
    const exact = 'Israel and Hungary';
    const second = createClaim(annotator.doc, me, {
      target: targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1),
      verdict: 'true',
      rationale: '',
      sources: [],
    });
    await annotator.until((d) => !!readClaim(d, second)?.createdAt);
    await transitionOrThrow(t.url, ann.token, DOC, second, 'submit');
    await clients[1].until((d) => readClaim(d, second)?.status === 'in-review');

    await restart();
    const counts = await countsOf(DOC);
    expect(counts.total).toBe(2);
    expect(counts.byStatus).toMatchObject({ approved: 1, 'in-review': 1 });
    expect(counts.byVerdict).toMatchObject({ 'mostly-false': 1, true: 1 });
    expect((await t.call('/api/review-queue', { token: rev.token })).body.claims.map((c: { claimId: string }) => c.claimId)).toEqual([second]);
  });

  it('rebuilds a lost index from the update log at start', async () => {
    await t.close();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.exec('DELETE FROM claims_index; DELETE FROM claims_index_docs;');
    db.close();
    t = await startTestServer({ dataDir, seeds });
    rev.token = await t.signIn('rex', rev.password);
    expect((await countsOf(DOC)).total).toBe(2);
    expect((await t.call('/api/review-queue', { token: rev.token })).body.claims).toHaveLength(1);
  });

  it('leaves the claims of archived articles out of the queue', async () => {
    t.server.db.prepare('UPDATE documents SET archived = 1 WHERE id = ?').run(DOC);
    expect((await t.call('/api/review-queue', { token: rev.token })).body.claims).toEqual([]);
  });
});
