import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addComment,
  articleSchema,
  canonicalText,
  createClaim,
  listClaims,
  readArticleVersion,
  readClaim,
  targetFromRange,
  type Claim,
  type PersonRef,
} from '@factdesk/shared';
import { createAuditLog } from '../audit/audit-log.js';
import { transitionOrThrow } from '../testing/claim-requests.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const DOC = 'un-vote';
const path = `/api/documents/${DOC}/annotations`;

/** What must survive the trip, per claim. */
const essence = (c: Claim) => ({
  id: c.id,
  author: c.author,
  createdAt: c.createdAt,
  verdict: c.verdict,
  rationale: c.rationale,
  sources: c.sources,
  tags: c.tags,
  quote: c.target.quote,
  position: c.target.position,
  thread: c.thread.map((m) => ({ id: m.id, author: m.author, text: m.text, createdAt: m.createdAt })),
});

describe('re-importing W3C Web Annotations', () => {
  let origin: TestServer;
  let fresh: TestServer;
  let exported: string;
  let original: Claim[];
  let reviewer: string;
  let watcher: CollabClient;

  beforeAll(async () => {
    // The newsroom's first server: claims made live, one signed off, one with a thread, two overlapping.
    origin = await startTestServer({ seeds: { [`${DOC}.txt`]: seed } });
    const admin = await origin.adminToken();
    const rita = await origin.addUser('rita', 'reviewer');
    const me: PersonRef = (await origin.call('/api/me', { token: admin })).body.user;
    const adminRef = { id: me.id, name: me.name };
    const mine = connectCollab(origin.url, DOC, admin);
    const theirs = connectCollab(origin.url, DOC, rita.token);
    await Promise.all([mine.synced(), theirs.synced()]);
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(mine.doc)!.doc));
    const at = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);
    const sources = [{ url: 'https://press.un.org/en/2025/ga12675.doc.htm', title: 'UN press release' }];
    const signed = createClaim(mine.doc, adminRef, { target: at('93 votes in favor, 18 against, and 65 abstentions'), verdict: 'true', rationale: 'Matches the UN record.', sources });
    const inner = createClaim(mine.doc, adminRef, { target: at('93 votes in favor'), verdict: 'mostly-true', rationale: 'Overlaps the first.', sources: [], tags: ['votes'] });
    createClaim(mine.doc, adminRef, { target: at('Israel and Hungary'), verdict: 'mixed', rationale: '=1+1 <b>', sources: [] });
    addComment(mine.doc, inner, { id: 'c1', author: adminRef, createdAt: '2026-11-19T11:00:00.000Z', updatedAt: '2026-11-19T11:00:00.000Z', text: 'Is the count final?' });
    await theirs.until((d) => !!readClaim(d, signed)?.createdAt);
    await transitionOrThrow(origin.url, admin, DOC, signed, 'submit');
    await transitionOrThrow(origin.url, rita.token, DOC, signed, 'approve');
    await mine.until((d) => readClaim(d, signed)?.status === 'approved' && listClaims(d).length === 3 && readClaim(d, inner)?.thread.length === 1);
    expect([...mine.rejections, ...theirs.rejections]).toEqual([]);
    original = listClaims(mine.doc);
    exported = (await origin.call(`/api/documents/${DOC}/export?format=jsonld&include=all`, { token: admin })).body;
    mine.destroy();
    theirs.destroy();
    await origin.close();

    // A fresh server with the same seed, and someone watching the article live.
    fresh = await startTestServer({ seeds: { [`${DOC}.txt`]: seed } });
    reviewer = (await fresh.addUser('rex', 'reviewer')).token;
    watcher = connectCollab(fresh.url, DOC, await fresh.adminToken());
    await watcher.synced();
  });

  afterAll(async () => {
    watcher?.destroy();
    await fresh?.close();
  });

  it('refuses broken input with a readable 400 and writes nothing', async () => {
    expect(await fresh.call(path, { method: 'POST', token: reviewer, rawBody: '{ "items": [' })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/not valid JSON/) },
    });
    const wrongVerdict = JSON.parse(exported);
    wrongVerdict.first.items.at(-1).body[0].value = 'Pants on fire';
    const answer = await fresh.call(path, { method: 'POST', token: reviewer, body: wrongVerdict });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/"Pants on fire" is not a verdict of the scale/);
    expect(await fresh.call(path, { method: 'POST', token: reviewer, body: { type: 'AnnotationCollection' } })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^Not a Web Annotation collection/) },
    });
    expect(listClaims(watcher.doc)).toEqual([]);
  });

  it('lets only a reviewer or an admin import (403), on an existing document (404), within the body limit (413)', async () => {
    const annotator = (await fresh.addUser('ann', 'annotator')).token;
    expect(await fresh.call(path, { method: 'POST', token: annotator, rawBody: exported })).toMatchObject({
      status: 403,
      body: { error: 'Only a reviewer or an admin may import annotations.' },
    });
    expect(await fresh.call('/api/documents/nowhere/annotations', { method: 'POST', token: reviewer, rawBody: exported })).toMatchObject({ status: 404 });
    const huge = await fresh.call(path, { method: 'POST', token: reviewer, rawBody: JSON.stringify({ items: [], pad: 'x'.repeat(9 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(listClaims(watcher.doc)).toEqual([]);
  });

  it('restores every claim onto the article of a fresh server, live for connected clients', async () => {
    const answer = await fresh.call(path, { method: 'POST', token: reviewer, rawBody: exported });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      imported: 3,
      skipped: 0,
      unanchored: 0,
      warnings: [expect.stringMatching(/signed off in the file; imported as in review/)],
    });
    await watcher.until((d) => listClaims(d).length === 3);
    const restored = listClaims(watcher.doc);
    expect(restored.map(essence)).toEqual(original.map(essence));
    // A sign-off made elsewhere is not one made here: the signed-off claim waits for a reviewer.
    expect(restored.map((c) => c.status)).toEqual(original.map((c) => (c.status === 'approved' ? 'in-review' : c.status)));
    expect(restored.every((c) => c.review === null)).toBe(true);
    const [entry] = createAuditLog(fresh.server.db).latest(1);
    expect(entry).toMatchObject({ action: 'annotations.imported', detail: { documentId: DOC, imported: 3, skipped: 0 } });
  });

  it('skips every claim on a second import of the same file', async () => {
    const again = await fresh.call(path, { method: 'POST', token: reviewer, rawBody: exported });
    expect(again.body).toEqual({ imported: 0, skipped: 3, unanchored: 0, warnings: [] });
    expect(listClaims(watcher.doc)).toHaveLength(3);
  });
});
