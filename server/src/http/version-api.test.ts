import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleSchema,
  canonicalText,
  confirmSuggestion,
  createClaim,
  readArticleVersion,
  readClaim,
  readMeta,
  targetFromRange,
  type PersonRef,
} from '@factdesk/shared';
import { transitionOrThrow } from '../testing/claim-requests.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const DOC = 'un-vote';
const path = `/api/documents/${DOC}/versions`;
const DOROTHY = seed.split('\n').find((line) => line.startsWith('Dorothy Camille Shea'))!;
const revised = seed
  .replace('\nThe Contentious Resolution\n', '\nThe Contentious Resolution\nEditor’s note: updated on Feb. 26.\n')
  .replace('it dose not fully', 'it does not fully')
  .replace(`${DOROTHY}\n`, '');

describe('POST /api/documents/:id/versions', () => {
  let server: TestServer;
  let admin: string;
  let annotator: { token: string; id: string };
  let reviewer: { token: string; id: string };
  let anna: PersonRef;
  let writer: CollabClient;
  let watcher: CollabClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ seeds: { [`${DOC}.txt`]: seed } });
    admin = await server.adminToken();
    annotator = await server.addUser('anna', 'annotator');
    reviewer = await server.addUser('rita', 'reviewer');
    anna = { id: annotator.id, name: (await server.call('/api/me', { token: annotator.token })).body.user.name };
    writer = connectCollab(server.url, DOC, annotator.token);
    watcher = connectCollab(server.url, DOC, admin);
    await Promise.all([writer.synced(), watcher.synced()]);
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(writer.doc)!.doc));
    const at = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);
    const claim = (exact: string) => createClaim(writer.doc, anna, { target: at(exact), verdict: 'true', rationale: 'Checked.', sources: [] });
    ids.same = claim('a three-page document calling for Russia’s withdrawal');
    ids.changed = claim('it dose not fully justify the US actions');
    ids.orphan = claim(DOROTHY.slice(30, 150));
    await watcher.until((doc) => !!readClaim(doc, ids.changed)?.createdAt);
    await transitionOrThrow(server.url, annotator.token, DOC, ids.changed, 'submit');
    await transitionOrThrow(server.url, reviewer.token, DOC, ids.changed, 'approve');
    await watcher.until((doc) => readClaim(doc, ids.changed)?.status === 'approved' && !!readClaim(doc, ids.orphan)?.createdAt);
  });

  afterAll(async () => {
    for (const client of [writer, watcher]) {
      client?.destroy();
      client?.provider.awareness.destroy();
    }
    await server?.close();
  });

  it('is refused to viewers and annotators, and changes nothing', async () => {
    const viewer = await server.addUser('vera', 'viewer');
    for (const token of [viewer.token, annotator.token]) {
      const answer = await server.call(path, { method: 'POST', token, body: { format: 'text', content: revised } });
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatch(/reviewer or an admin/);
    }
    expect((await server.call(path, { method: 'POST', body: { format: 'text', content: revised } })).status).toBe(401);
    expect(readMeta(watcher.doc).currentVersion).toBe(1);
  });

  it('answers 400 for bad input, 409 for the same text, 404 for no such document, and changes nothing', async () => {
    const token = reviewer.token;
    const post = (body: unknown, at = path) => server.call(at, { method: 'POST', token, body });
    expect((await post({ format: 'pdf', content: revised })).status).toBe(400);
    expect((await post({ format: 'text' })).status).toBe(400);
    expect((await post({ format: 'text', content: '   ' })).status).toBe(400);
    expect((await server.call(path, { method: 'POST', token, rawBody: '{"format":', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
    const same = await post({ format: 'text', content: seed });
    expect(same.status).toBe(409);
    expect(same.body.error).toMatch(/same text/);
    expect((await post({ format: 'text', content: revised }, '/api/documents/nope/versions')).status).toBe(404);
    expect(readMeta(watcher.doc).currentVersion).toBe(1);
  });

  it('answers 413 for content past the import limit', async () => {
    const answer = await server.call(path, { method: 'POST', token: reviewer.token, body: { format: 'text', content: 'x'.repeat(6 * 1024 * 1024) } });
    expect(answer.status).toBe(413);
    expect(readMeta(watcher.doc).currentVersion).toBe(1);
  });

  it('re-anchors every claim, and a connected client sees the new version and the claims arrive', async () => {
    const answer = await server.call(path, { method: 'POST', token: reviewer.token, body: { format: 'text', content: revised } });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ version: 2, same: 1, moved: 0, changed: 1, orphan: 1, reopened: [ids.changed] });

    await watcher.until((doc) => readMeta(doc).currentVersion === 2 && readClaim(doc, ids.orphan)?.anchor?.state === 'orphan');
    const same = readClaim(watcher.doc, ids.same)!;
    expect(same.target.version).toBe(2);
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(watcher.doc)!.doc));
    expect(text.slice(same.target.position.start, same.target.position.end)).toBe(same.target.quote.exact);

    const changed = readClaim(watcher.doc, ids.changed)!;
    expect(changed).toMatchObject({ status: 'in-review', checkedVersion: 1, anchor: { state: 'changed', version: 2 } });
    expect(changed.anchor?.previous?.quote.exact).toBe('it dose not fully justify the US actions');
    expect(changed.history.at(-1)).toMatchObject({ action: 'reopened', by: { id: 'factdesk' } });

    const orphan = readClaim(watcher.doc, ids.orphan)!;
    expect(orphan.target.version).toBe(1);
    expect(readArticleVersion(watcher.doc, 1)).not.toBeNull();
  });

  it('lists the versions', async () => {
    const answer = await server.call(path, { token: annotator.token });
    expect(answer.status).toBe(200);
    expect(answer.body.current).toBe(2);
    expect(answer.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(answer.body.versions[1]).toEqual({ version: 2, createdAt: expect.any(String), textHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('lets the author confirm a suggestion for their changed claim, and the others see it', async () => {
    await writer.until((doc) => readClaim(doc, ids.changed)?.anchor?.state === 'changed');
    const claim = readClaim(writer.doc, ids.changed)!;
    confirmSuggestion(writer.doc, claim, claim.anchor!.suggestions[0]);
    await watcher.until((doc) => readClaim(doc, ids.changed)?.anchor?.state === 'anchored');
    expect(writer.rejections).toEqual([]);
    expect(readClaim(watcher.doc, ids.changed)?.checkedVersion).toBe(2);
  });
});
