import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleSchema,
  buildTextIndex,
  canonicalText,
  createClaim,
  chunkedDoc,
  readArticleVersion,
  STATIC_COPY_FROM,
  staticArticleHtml,
  targetFromRange,
  updateClaim,
  type PersonRef,
} from '@factdesk/shared';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { claimFirstWords } from '../testing/long-article.js';
import { startTestServer, type ApiAnswer, type TestServer } from '../testing/test-server.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const DOC = 'un-vote';
const SECRET_RATIONALE = 'rationale-that-must-not-travel <img src=x onerror=alert(1)>';

describe('the first-paint API', () => {
  let t: TestServer;
  let admin: string;
  let viewer: string;
  let client: CollabClient;
  let me: PersonRef;
  let text: string;
  const targetOf = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);
  const firstPaint = (token?: string): Promise<ApiAnswer> => t.call(`/api/documents/${DOC}/first-paint`, { token });

  /** Asks until `predicate` holds for the payload (the server applies a client's change a moment later). */
  async function firstPaintUntil(predicate: (body: ApiAnswer['body']) => boolean): Promise<ApiAnswer['body']> {
    const until = Date.now() + 5_000;
    for (;;) {
      const { body } = await firstPaint(viewer);
      if (predicate(body)) return body;
      if (Date.now() > until) throw new Error(`the payload never matched: ${JSON.stringify(body.highlights)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    t = await startTestServer({ seeds: { [`${DOC}.txt`]: seed } });
    admin = await t.adminToken();
    viewer = (await t.addUser('val', 'viewer')).token;
    const user = (await t.call('/api/me', { token: admin })).body.user;
    me = { id: user.id, name: user.name };
    client = connectCollab(t.url, DOC, admin);
    await client.synced();
    text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(client.doc)!.doc));
  });

  afterAll(async () => {
    client?.destroy();
    await t?.close();
  });

  it('gives the current version and each claim as id, number in reading order, verdict and positions — no rationale', async () => {
    const later = createClaim(client.doc, me, { target: targetOf('93 votes in favor'), verdict: 'true', rationale: SECRET_RATIONALE, sources: [] });
    const earlier = createClaim(client.doc, me, { target: targetOf('Contentious Resolution'), verdict: 'false', rationale: SECRET_RATIONALE, sources: [] });
    const body = await firstPaintUntil((b) => b.highlights?.length === 2);

    const version = readArticleVersion(client.doc)!;
    expect(body.documentId).toBe(DOC);
    expect(body.version).toEqual({ version: 1, textHash: version.textHash, doc: version.doc });
    expect(body.meta.currentVersion).toBe(1);
    expect(body.claimCount).toBe(2);
    const index = buildTextIndex(articleSchema.nodeFromJSON(version.doc));
    const at = (exact: string) => index.rangeToPositions(text.indexOf(exact), text.indexOf(exact) + exact.length);
    expect(body.highlights).toEqual([
      { id: earlier, number: 1, verdict: 'false', ...at('Contentious Resolution') },
      { id: later, number: 2, verdict: 'true', ...at('93 votes in favor') },
    ]);
    const raw = (await t.call(`/api/documents/${DOC}/first-paint`, { token: viewer, headers: { accept: 'application/json' } })).headers;
    expect(raw.get('content-type')).toBe('application/json; charset=utf-8');
    expect(raw.get('cache-control')).toBe('no-store');
    expect(JSON.stringify(body)).not.toContain('rationale-that-must-not-travel');
    // A short article has no static copy: the page makes its view at once.
    expect(body.staticHtml).toBeUndefined();
  });

  it('refuses anyone who may not open the document: 401 without a session or for a deactivated person, 404 for an unknown document', async () => {
    expect(await firstPaint()).toMatchObject({ status: 401, body: { error: 'Please sign in.' } });
    expect(await t.call(`/api/documents/${DOC}/first-paint`, { headers: { authorization: 'Bearer not-a-token' } })).toMatchObject({ status: 401 });
    const dan = await t.addUser('dan', 'annotator');
    expect((await firstPaint(dan.token)).status).toBe(200);
    await t.call(`/api/users/${dan.id}`, { method: 'PATCH', token: admin, body: { active: false } });
    expect(await firstPaint(dan.token)).toMatchObject({ status: 401 });
    expect(await t.call('/api/documents/no-such-article/first-paint', { token: viewer })).toMatchObject({
      status: 404,
      body: { error: 'There is no such document.' },
    });
  });

  it('is served again after a claim changes: a new verdict, a new claim renumbering the others', async () => {
    const before = await firstPaintUntil((b) => b.highlights.length >= 2);
    const first = before.highlights[0].id as string;
    updateClaim(client.doc, first, { verdict: 'mostly-false' });
    await firstPaintUntil((b) => b.highlights[0].verdict === 'mostly-false');

    const front = createClaim(client.doc, me, { target: targetOf('Russia unite'), verdict: 'unverifiable', rationale: '', sources: [] });
    const after = await firstPaintUntil((b) => b.highlights.length === before.highlights.length + 1);
    expect(after.highlights[0]).toMatchObject({ id: front, number: 1, verdict: 'unverifiable' });
    expect(after.highlights[1]).toMatchObject({ id: first, number: 2, verdict: 'mostly-false' });
  });

  it('is served again after a new version of the article, with the claims where they are in it', async () => {
    const before = await firstPaintUntil((b) => b.version.version === 1);
    const answer = await t.call(`/api/documents/${DOC}/versions`, {
      method: 'POST',
      token: admin,
      body: { format: 'text', content: `A new first line\n${seed}` },
    });
    expect(answer.status).toBe(201);
    const after = await firstPaintUntil((b) => b.version.version === 2);
    expect(after.highlights.map((h: { id: string }) => h.id)).toEqual(before.highlights.map((h: { id: string }) => h.id));
    expect(after.highlights[0].from).toBeGreaterThan(before.highlights[0].from);

    // No claim to carry over: only the new version itself tells the payload to go.
    const plain = (await t.call('/api/documents', { method: 'POST', token: admin, body: { format: 'text', content: 'Headline\nFirst text.' } })).body.id;
    expect((await t.call(`/api/documents/${plain}/first-paint`, { token: viewer })).body).toMatchObject({ version: { version: 1 }, highlights: [] });
    await t.call(`/api/documents/${plain}/versions`, { method: 'POST', token: admin, body: { format: 'text', content: 'Headline\nSecond text.' } });
    expect((await t.call(`/api/documents/${plain}/first-paint`, { token: viewer })).body).toMatchObject({ version: { version: 2 }, claimCount: 0 });
  });

  it('carries a long article\'s static copy: the text with every drawn claim as the view draws it', async () => {
    claimFirstWords(client.doc, me, STATIC_COPY_FROM + 20);
    const body = await firstPaintUntil((b) => b.highlights.length > STATIC_COPY_FROM);
    const doc = articleSchema.nodeFromJSON(body.version.doc);
    expect(body.staticHtml).toBe(staticArticleHtml(chunkedDoc(doc, body.highlights), body.highlights, null));
    for (const h of body.highlights as { id: string }[]) expect(body.staticHtml).toContain(h.id);
    expect(body.staticHtml).toContain('<nav aria-label="Table of contents" class="toc">');
  });
});
