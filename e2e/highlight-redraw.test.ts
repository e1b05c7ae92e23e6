/**
 * A claim arriving in a densely annotated paragraph is drawn by redrawing the stretch of text it
 * is on, not the rest of the paragraph. ProseMirror's view updater used to re-sync every later
 * piece of the paragraph after a new cut in its text, rebuilding every later claim's badge
 * (shared/src/highlights/view-doc.ts says why, and how the text's short runs stop it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema, canonicalText, createClaim, personRef, readArticleVersion, readClaim, targetFromRange } from '@factdesk/shared';
import { connectCollab, type CollabClient } from '../server/src/testing/collab-client.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';
import type { Credentials } from './support/people.js';

/** One claim every few characters of the longest paragraph: more than the 100 above which claims are drawn as they arrive. */
const STEP = 4;
/** The longest run of text the article view draws as one (twice CHUNK_LENGTH in shared/src/highlights/view-doc.ts). */
const LONGEST_RUN = 64;
const WAIT_MS = 20_000;

interface Redraws {
  added: string[];
  removed: string[];
}

describe('a claim arriving in a densely annotated paragraph', () => {
  const suite = browserSuite();
  let admin: Credentials;
  let bot: CollabClient;
  let reader: Person;
  let text: string;
  let paragraph: { start: number; end: number };
  const starts = new Map<string, number>();
  const bounds = new Set<number>();

  beforeAll(async () => {
    admin = await suite.admin();
    bot = connectCollab(suite.server.url, SEED_ARTICLE.id, admin.token);
    await bot.until((doc) => readArticleVersion(doc) !== null, WAIT_MS);
    const version = readArticleVersion(bot.doc)!;
    text = canonicalText(articleSchema.nodeFromJSON(version.doc));
    const lines = text.split('\n');
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    paragraph = { start: text.indexOf(longest), end: text.indexOf(longest) + longest.length };
    bot.doc.transact(() => {
      for (let at = paragraph.start, i = 0; at + 40 < paragraph.end; at += STEP, i++) {
        const end = at + 8 + ((i * 7) % 30);
        const id = `dense-${i}`;
        createClaim(bot.doc, personRef(admin.user), { target: targetFromRange(text, at, end, version.version), verdict: 'mixed', rationale: '', sources: [] }, id);
        starts.set(id, at);
        bounds.add(at).add(end);
      }
    });
    reader = await suite.signedIn(admin);
    await reader.article.open(SEED_ARTICLE.id);
    await reader.page.waitForFunction((count) => document.querySelectorAll('.claim-badge').length === count, starts.size, { timeout: WAIT_MS });
  });

  afterAll(() => bot?.destroy());

  it('rebuilds only the badges in the short run of text it lands in, not those of the rest of the paragraph', async () => {
    expect(starts.size).toBeGreaterThan(100);
    // Early in the paragraph, starting and ending where no claim does: two new cuts in the text.
    let at = paragraph.start + 10 * STEP + 1;
    while (bounds.has(at) || bounds.has(at + 25)) at++;
    await reader.page.evaluate(() => {
      const redraws: Redraws = { added: [], removed: [] };
      (globalThis as unknown as { redraws: Redraws }).redraws = redraws;
      const badgesIn = (nodes: NodeList) =>
        Array.from(nodes).flatMap((node) => (node instanceof Element ? [node, ...Array.from(node.querySelectorAll('.claim-badge'))] : [])).filter((el) => el.classList.contains('claim-badge'));
      new MutationObserver((records) => {
        for (const record of records) {
          for (const badge of badgesIn(record.addedNodes)) redraws.added.push(badge.getAttribute('data-claim-id')!);
          for (const badge of badgesIn(record.removedNodes)) redraws.removed.push(badge.getAttribute('data-claim-id')!);
        }
      }).observe(document.querySelector('.article-text')!, { childList: true, subtree: true });
    });

    const id = createClaim(bot.doc, personRef(admin.user), { target: targetFromRange(text, at, at + 25, 1), verdict: 'true', rationale: '', sources: [] });
    await bot.until((doc) => readClaim(doc, id) !== null, WAIT_MS);
    await reader.page.locator(`.claim-badge[data-claim-id="${id}"]`).waitFor({ timeout: WAIT_MS });
    // The page's full update follows the frame the claim was drawn in; it renumbers, it does not rebuild.
    await reader.page.waitForTimeout(500);

    const redraws = await reader.page.evaluate(() => (globalThis as unknown as { redraws: Redraws }).redraws);
    const rebuilt = redraws.removed;
    const later = [...starts].filter(([, start]) => start > at).length;
    console.info(`A claim ${at - paragraph.start} characters into a paragraph of ${paragraph.end - paragraph.start}: ${rebuilt.length} of the ${later} badges after it rebuilt.`);
    expect(redraws.added.filter((added) => !rebuilt.includes(added))).toEqual([id]);
    const far = rebuilt.filter((other) => starts.get(other)! >= at + 25 + LONGEST_RUN);
    expect(far, 'badges rebuilt past the run of text the new claim ends in').toEqual([]);
    expect(rebuilt.length).toBeLessThan(later / 4);
    await expect.poll(() => reader.article.badges.count(), { timeout: WAIT_MS }).toBe(starts.size + 1);
  }, 60_000);
});
