import { readFileSync } from 'node:fs';
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
import { transitionOrThrow } from '../testing/claim-requests.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const DOC = 'un-vote';

describe('the export API', () => {
  let t: TestServer;
  let admin: string;
  let viewer: string;
  const clients: CollabClient[] = [];
  const ids = { approved: '', draft: '' };

  beforeAll(async () => {
    t = await startTestServer({ seeds: { [`${DOC}.txt`]: seed }, config: { organisation: 'The Daily Check' } });
    admin = await t.adminToken();
    viewer = (await t.addUser('val', 'viewer')).token;
    const rita = await t.addUser('rita', 'reviewer');
    const me: PersonRef = (await t.call('/api/me', { token: admin })).body.user;
    const adminRef = { id: me.id, name: me.name };

    const mine = connectCollab(t.url, DOC, admin);
    const theirs = connectCollab(t.url, DOC, rita.token);
    clients.push(mine, theirs);
    await Promise.all([mine.synced(), theirs.synced()]);
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(mine.doc)!.doc));
    const targetOf = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);

    const sources = [{ url: 'https://press.un.org/en/2025/ga12675.doc.htm', title: 'UN press release' }];
    ids.approved = createClaim(mine.doc, adminRef, { target: targetOf('93 votes in favor, 18 against, and 65 abstentions'), verdict: 'true', rationale: 'Matches the UN record.', sources });
    ids.draft = createClaim(mine.doc, adminRef, { target: targetOf('Israel and Hungary'), verdict: 'mostly-true', rationale: '=1+1 <b>', sources: [] });
    await theirs.until((d) => !!readClaim(d, ids.approved)?.createdAt);
    await transitionOrThrow(t.url, admin, DOC, ids.approved, 'submit');
    await transitionOrThrow(t.url, rita.token, DOC, ids.approved, 'approve');
    await mine.until((d) => readClaim(d, ids.approved)?.status === 'approved' && readClaim(d, ids.draft) !== null);
    expect([...mine.rejections, ...theirs.rejections]).toEqual([]);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await t?.close();
  });

  it('exports the annotated article as a standalone HTML download with the signed-off claims only', async () => {
    const answer = await t.call(`/api/documents/${DOC}/export?format=html`, { token: viewer });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${DOC}.html"`);
    const html: string = answer.body;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<mark class="claim" data-claim="1" id="mark-1">');
    expect(html).not.toContain('data-claim="2"');
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
    expect(data['@graph']).toHaveLength(1);
    expect(data['@graph'][0]).toMatchObject({ claimReviewed: '93 votes in favor, 18 against, and 65 abstentions', reviewRating: { ratingValue: 5 } });
  });

  it('shows every claim, the unsigned marked as such, with include=all', async () => {
    const answer = await t.call(`/api/documents/${DOC}/export?format=html&include=all`, { token: viewer });
    expect(answer.body).toContain('data-claim="2"');
    expect(answer.body).toContain('<strong>Not signed off</strong> (Draft)');
    expect(answer.body).toContain('=1+1 &lt;b&gt;');
  });

  it('exports W3C Web Annotations as JSON-LD', async () => {
    const answer = await t.call(`/api/documents/${DOC}/export?format=jsonld&include=all`, { token: viewer });
    expect(answer.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${DOC}.jsonld"`);
    const collection = JSON.parse(answer.body);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items.map((a: { id: string }) => a.id)).toEqual([`urn:factdesk:claim:${ids.approved}`, `urn:factdesk:claim:${ids.draft}`]);
    expect(collection.first.items[0].target.source).toBe(`urn:factdesk:document:${DOC}`);
  });

  it('exports CSV, signed-off claims by default, formulas neutralised', async () => {
    const approved = await t.call(`/api/documents/${DOC}/export?format=csv`, { token: viewer });
    expect(approved.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(approved.headers.get('content-disposition')).toBe(`attachment; filename="${DOC}.csv"`);
    expect(approved.body.split('\r\n').filter(Boolean)).toHaveLength(2);
    const all = await t.call(`/api/documents/${DOC}/export?format=csv&include=all`, { token: viewer });
    expect(all.body).toContain(`2,Israel and Hungary,Mostly true,Draft,'=1+1 <b>,`);
  });

  it('answers 400 for an unknown format or include, 404 for an unknown document, 401 without a session', async () => {
    expect(await t.call(`/api/documents/${DOC}/export?format=pdf`, { token: viewer })).toMatchObject({
      status: 400,
      body: { error: 'format must be one of html, jsonld, csv.' },
    });
    expect(await t.call(`/api/documents/${DOC}/export?format=csv&include=some`, { token: viewer })).toMatchObject({
      status: 400,
      body: { error: 'include must be one of approved, all.' },
    });
    expect(await t.call('/api/documents/missing/export?format=csv', { token: viewer })).toMatchObject({
      status: 404,
      body: { error: 'There is no such document.' },
    });
    expect(await t.call(`/api/documents/${DOC}/export?format=csv`)).toMatchObject({ status: 401 });
  });

  it('names the configured newsroom (FACTDESK_ORGANISATION) as the author of each ClaimReview', async () => {
    const answer = await t.call(`/api/documents/${DOC}/export?format=html`, { token: viewer });
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(answer.body as string)![1];
    expect(JSON.stringify(JSON.parse(block))).toContain('"name":"The Daily Check"');
  });
});
