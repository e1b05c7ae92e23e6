/**
 * An article whose claims hold values that should never have been stored — an unknown verdict,
 * a target without a position, a javascript: source, a huge unknown key, an entry that is not a
 * claim — still opens: every claim is listed, each flagged one says which values are not shown,
 * the one with a usable place is highlighted with "Invalid verdict", and the page never falls
 * back to "Something went wrong". The values are written straight into the update log, as a
 * hole in the server's checks once let them through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleSchema, canonicalText, claimsMap, createStampedClaim, readArticleVersion, targetFromRange } from '@factdesk/shared';
import { openDatabase } from '../server/src/db/database.js';
import { createSqliteUpdateLog } from '../server/src/persistence/update-log.js';
import type { Credentials } from './support/people.js';
import { browserSuite, type Person } from './support/suite.js';

const ARTICLE = 'Bridge opens\n\nThe new bridge cost 40 million euros. It opened in May after two years of work.';
const ANA = { id: 'u-ana', name: 'Ana' };

/** Stores one claim per kind of bad value in `docId`'s log, before any room has opened it. */
async function storeBadValues(dataDir: string, docId: string): Promise<void> {
  const db = openDatabase(dataDir);
  const log = createSqliteUpdateLog(db);
  const doc = new Y.Doc();
  try {
    for (const update of log.load(docId)) Y.applyUpdate(doc, update);
    doc.on('update', (update: Uint8Array) => log.append(docId, update));
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(doc)!.doc));
    const targetOf = (exact: string) => targetFromRange(text, text.indexOf(exact), text.indexOf(exact) + exact.length, 1);
    const make = (exact: string) => createStampedClaim(doc, ANA, { target: targetOf(exact), verdict: 'true', rationale: 'ok', sources: [] });
    const verdict = make('cost 40 million euros');
    const target = make('opened in May');
    const sources = make('two years of work');
    const huge = make('The new bridge');
    doc.transact(() => {
      const map = (id: string) => claimsMap(doc).get(id)!;
      map(verdict).set('verdict', 'totally-made-up');
      map(target).set('target', { version: 1, quote: { exact: 'opened in May', prefix: '', suffix: '' } });
      map(sources).set('sources', [{ url: 'javascript:alert(1)', title: 'click me' }]);
      map(huge).set('k'.repeat(1_000), 'x'.repeat(900_000));
      (claimsMap(doc) as Y.Map<unknown>).set('not-a-claim', 'just a string');
    });
  } finally {
    doc.destroy();
    await log.close?.();
    db.close();
  }
}

describe('an article with bad stored claim values', () => {
  const suite = browserSuite();
  let admin: Credentials;
  let reader: Person;
  let docId = '';

  beforeAll(async () => {
    admin = await suite.admin();
    const response = await fetch(`${suite.server.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ title: 'Bridge opens', format: 'text', content: ARTICLE, sourceUrl: '', publisher: '', publishedAt: '' }),
    });
    expect(response.status).toBe(201);
    docId = ((await response.json()) as { id: string }).id;
    await storeBadValues(suite.server.dataDir, docId);
    reader = await suite.signedIn(await suite.addPerson('vera', 'viewer', 'Vera Viewer'));
  });

  it('opens with every claim listed and the flagged values named, not the error page', async () => {
    await reader.article.open(docId);
    await expect.poll(() => reader.article.cards.count()).toBe(4);
    expect(await reader.page.getByRole('heading', { name: 'Something went wrong' }).count()).toBe(0);

    const notes = await reader.page.getByRole('note').allInnerTexts();
    expect(notes.filter((note) => /not shown: verdict\b/.test(note))).toHaveLength(1);
    expect(notes.filter((note) => /not shown: target\b/.test(note))).toHaveLength(1);
    expect(notes.filter((note) => /not shown: sources\b/.test(note))).toHaveLength(1);
    expect(notes.filter((note) => /not shown: k{40}$/.test(note.replace(/\.$/, '')))).toHaveLength(1);
    expect(await reader.page.getByRole('link', { name: 'click me' }).count()).toBe(0);
    await reader.page.getByText('No usable place in the text is stored for this claim.').waitFor();
    expect(reader.pageErrors).toEqual([]);
  });

  it('highlights the claims with a usable place, the bad verdict as "Invalid verdict"', async () => {
    await expect.poll(() => reader.article.badges.count()).toBe(3);
    const labels = await reader.article.badges.evaluateAll((badges) => badges.map((b) => b.getAttribute('aria-label')));
    expect(labels.filter((label) => label?.endsWith(': Invalid verdict'))).toHaveLength(1);
    const card = reader.page.getByRole('article', { name: /Invalid verdict/ });
    await card.waitFor();
  });
});
