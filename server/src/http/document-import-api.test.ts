/**
 * Importing an article over HTTP, finding it again and archiving it: the article list's
 * server side, against a real server and its SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleSchema, canonicalText, createClaim, IMPORT_LIMITS, readArticleVersion, readMeta, targetFromRange } from '@factdesk/shared';
import { createAuditLog } from '../audit/audit-log.js';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { connectCollab } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const MARKDOWN = '# Council approves budget\n\nThe council approved **€2m** for [the bridge](https://city.example/bridge).\n\n## Reactions\n\n> "About time," said a resident.\n';

describe('importing articles through the API', () => {
  let t: TestServer;
  let admin: string;
  let reviewer: string;
  let annotator: string;
  let annotatorId: string;
  let viewer: string;
  const documentCount = async () => (await t.call('/api/documents?archived=1', { token: admin })).body.documents.length as number;
  const importAs = (token: string, body: unknown) => t.call('/api/documents', { method: 'POST', token, body });

  beforeAll(async () => {
    t = await startTestServer({ seeds: { 'bridge.txt': 'Mayor promises new bridge\nIt will open in 2027.' } });
    admin = await t.adminToken();
    reviewer = (await t.addUser('rex', 'reviewer')).token;
    ({ token: annotator, id: annotatorId } = await t.addUser('ann', 'annotator'));
    viewer = (await t.addUser('val', 'viewer')).token;
  });
  afterAll(() => t.close());

  it('creates a document from Markdown with its metadata, answers 201 with its id, and logs the import', async () => {
    const answer = await importAs(reviewer, {
      format: 'markdown',
      content: MARKDOWN,
      sourceUrl: 'https://city.example/budget',
      publisher: '  City   Gazette ',
      publishedAt: '2026-03-01',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Council approves budget',
      sourceUrl: 'https://city.example/budget',
      publisher: 'City Gazette',
      publishedAt: '2026-03-01',
      archived: false,
    });
    const { id } = answer.body;
    expect((await t.call(`/api/documents/${id}`, { token: viewer })).body.title).toBe('Council approves budget');

    const doc = new Y.Doc();
    for (const update of createSqliteUpdateLog(t.server.db).load(id)) Y.applyUpdate(doc, update);
    expect(readMeta(doc)).toMatchObject({ title: 'Council approves budget', publisher: 'City Gazette', currentVersion: 1 });
    const article = articleSchema.nodeFromJSON(readArticleVersion(doc)!.doc);
    expect(canonicalText(article)).toBe('Council approves budget\nThe council approved €2m for the bridge.\nReactions\n"About time," said a resident.');
    expect(article.child(2).type.name).toBe('heading');
    expect(article.child(3).type.name).toBe('blockquote');

    expect(createAuditLog(t.server.db).latest(1)[0]).toMatchObject({ action: 'document.imported', detail: { documentId: id, format: 'markdown' } });
  });

  it('takes a given title over the suggested one, and imports text and HTML too', async () => {
    const text = await importAs(admin, { format: 'text', content: 'Headline\nBody.', title: 'My own title' });
    expect(text).toMatchObject({ status: 201, body: { title: 'My own title' } });
    const html = await importAs(admin, { format: 'html', content: '<title>Page</title><h2>Story</h2><p onclick="x()">Body<script>x()</script></p>' });
    expect(html).toMatchObject({ status: 201, body: { title: 'Page' } });
  });

  it('refuses viewers and annotators with a 403, and creates nothing', async () => {
    const before = await documentCount();
    for (const token of [viewer, annotator]) {
      expect(await importAs(token, { format: 'text', content: 'A\nB' })).toMatchObject({
        status: 403,
        body: { error: 'Only a reviewer or an admin may import an article.' },
      });
    }
    expect(await documentCount()).toBe(before);
  });

  it('answers 400 with a readable message for unreadable input or bad metadata, and creates nothing', async () => {
    const before = await documentCount();
    const cases: [unknown, RegExp][] = [
      [{ format: 'text', content: '  \n ' }, /empty/],
      [{ format: 'html', content: '<script>alert(1)</script>' }, /no readable text/],
      [{ format: 'pdf', content: 'x' }, /format must be/],
      [{ format: 'text' }, /content is missing/],
      [{ format: 'text', content: 'A\u0000B' }, /binary/],
      [{ format: 'text', content: 'A\nB', sourceUrl: 'javascript:alert(1)' }, /source URL must start with http/],
      [{ format: 'text', content: 'A\nB', sourceUrl: 'not a url' }, /source URL is not a valid URL/],
      [{ format: 'text', content: 'A\nB', publishedAt: '2026-02-30' }, /not a real date/],
      [{ format: 'text', content: 'A\nB', publishedAt: 'yesterday' }, /publish date must be a date/],
      [{ format: 'text', content: 'A\nB', publisher: 'x'.repeat(201) }, /publisher must be at most/],
      [{ format: 'text', content: 'A\nB', title: 'x'.repeat(501) }, /title must be at most/],
    ];
    for (const [body, message] of cases) {
      const answer = await importAs(admin, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.body.error).toMatch(message);
    }
    expect(await documentCount()).toBe(before);
  });

  it('answers 413 for an article past the size limit, and creates nothing', async () => {
    const before = await documentCount();
    const answer = await importAs(admin, { format: 'text', content: `Title\n${'x'.repeat(IMPORT_LIMITS.maxContentBytes)}` });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatch(/at most 5\.0 MB can be imported/);
    expect(await documentCount()).toBe(before);
  });

  it('searches titles, hides archived articles unless asked, and lets only an admin archive', async () => {
    const id = (await importAs(admin, { format: 'text', content: 'Harbour 100% rebuilt_ soon\nBody.' })).body.id as string;
    const titles = async (query: string) =>
      ((await t.call(`/api/documents${query}`, { token: viewer })).body.documents as { title: string }[]).map((d) => d.title);

    expect(await titles('?q=harbour')).toEqual(['Harbour 100% rebuilt_ soon']);
    expect(await titles('?q=100%25')).toEqual(['Harbour 100% rebuilt_ soon']);
    expect(await titles('?q=%25')).toEqual(['Harbour 100% rebuilt_ soon']);
    expect(await titles('?q=_')).toEqual(['Harbour 100% rebuilt_ soon']);
    expect(await titles('?q=bridge')).toEqual(['Mayor promises new bridge']);

    const archive = (token: string, archived: unknown) => t.call(`/api/documents/${id}`, { method: 'PATCH', token, body: { archived } });
    expect(await archive(reviewer, true)).toMatchObject({ status: 403 });
    expect(await archive(admin, 'yes')).toMatchObject({ status: 400 });
    expect(await t.call('/api/documents/missing', { method: 'PATCH', token: admin, body: { archived: true } })).toMatchObject({ status: 404 });
    expect(await archive(admin, true)).toMatchObject({ status: 200, body: { id, archived: true } });
    expect(await titles('?q=harbour')).toEqual([]);
    expect(await titles('?q=harbour&archived=1')).toEqual(['Harbour 100% rebuilt_ soon']);
    expect(createAuditLog(t.server.db).latest(1)[0]).toMatchObject({ action: 'document.archived', detail: { documentId: id } });

    expect(await archive(admin, false)).toMatchObject({ status: 200, body: { archived: false } });
    expect(await titles('?q=harbour')).toEqual(['Harbour 100% rebuilt_ soon']);
  });

  it('moves an article to the top of the list, with a new last activity, when its claims change', async () => {
    const first = (await importAs(admin, { format: 'text', content: 'Quiet article\nNothing happens here.' })).body;
    const second = (await importAs(admin, { format: 'text', content: 'Busy article\nThe mayor said it opens in 2027.' })).body;
    const list = async () => (await t.call('/api/documents', { token: viewer })).body.documents as { id: string; lastActivity: string }[];
    expect((await list()).slice(0, 2).map((d) => d.id)).toEqual([second.id, first.id]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const client = connectCollab(t.url, first.id, annotator);
    try {
      await client.synced();
      const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(client.doc)!.doc));
      const at = text.indexOf('Nothing happens');
      createClaim(client.doc, { id: annotatorId, name: 'ann' }, { target: targetFromRange(text, at, at + 15, 1), verdict: 'true', rationale: '', sources: [] });
      const deadline = Date.now() + 5000;
      while ((await list())[0].id !== first.id && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(client.rejections).toEqual([]);
    } finally {
      client.destroy();
    }
    const [top] = await list();
    expect(top.id).toBe(first.id);
    expect(top.lastActivity > first.lastActivity).toBe(true);
  });
});
