/**
 * On a long article (more than 500 claims) every claim's highlight is drawn at once, but the
 * badges only in the blocks near the viewport (client/src/editor/near-viewport.ts): scrolling
 * brings them, Tab always finds the next badge, and a claim picked in the sidebar has its
 * badge there to be focused, wherever it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema, canonicalText, createClaim, personRef, readArticleVersion, targetFromRange } from '@factdesk/shared';
import { connectCollab, type CollabClient } from '../server/src/testing/collab-client.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

/** More than BADGES_NEAR_VIEWPORT_FROM (highlights-plugin.ts). */
const CLAIMS = 600;
const WAIT_MS = 20_000;
/** A claim in the middle: its block is far from the top and from the end. */
const MIDDLE = CLAIMS / 2;

describe('badges on an article with hundreds of claims', () => {
  const suite = browserSuite();
  let bot: CollabClient;
  let reader: Person;

  beforeAll(async () => {
    const admin = await suite.admin();
    bot = connectCollab(suite.server.url, SEED_ARTICLE.id, admin.token);
    await bot.until((doc) => readArticleVersion(doc) !== null, WAIT_MS);
    const version = readArticleVersion(bot.doc)!;
    const text = canonicalText(articleSchema.nodeFromJSON(version.doc));
    const step = Math.floor((text.length - 20) / CLAIMS);
    bot.doc.transact(() => {
      for (let i = 0; i < CLAIMS; i++) {
        const target = targetFromRange(text, i * step, i * step + 12, version.version);
        createClaim(bot.doc, personRef(admin.user), { target, verdict: 'true', rationale: '', sources: [] }, `many-${i}`);
      }
    });
    reader = await suite.signedIn(admin);
    await reader.article.open(SEED_ARTICLE.id);
  });

  afterAll(() => bot?.destroy());

  /** How many claims are named where their highlight starts, on the page. */
  const highlighted = () =>
    reader.page.evaluate(() => new Set(Array.from(document.querySelectorAll('[data-claims-starting]')).flatMap((piece) => piece.getAttribute('data-claims-starting')!.split(' '))).size);

  it('draws every highlight, and badges only near the viewport', async () => {
    await expect.poll(highlighted, { timeout: WAIT_MS }).toBe(CLAIMS);
    await reader.article.badge(1).waitFor({ timeout: WAIT_MS });
    const badges = await reader.article.badges.count();
    expect(badges).toBeGreaterThan(0);
    expect(badges).toBeLessThan(CLAIMS);
    expect(await reader.article.badge(CLAIMS).count()).toBe(0);
  });

  it('moves Tab from the last badge drawn to the next claim’s badge', async () => {
    const last = reader.article.badges.last();
    const label = (await last.getAttribute('aria-label'))!;
    const n = Number(/^Claim (\d+):/.exec(label)![1]);
    expect(n).toBeLessThan(CLAIMS);
    await last.focus();
    await reader.page.keyboard.press('Tab');
    await expect.poll(() => reader.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(new RegExp(`^Claim ${n + 1}:`));
  });

  it('draws the badges of the blocks scrolled to', async () => {
    expect(await reader.article.badge(CLAIMS).count()).toBe(0);
    await reader.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await reader.article.badge(CLAIMS).waitFor({ timeout: WAIT_MS });
  });

  it('brings a claim picked in the sidebar in the middle of the article into view, its badge focused', async () => {
    const more = reader.page.getByRole('button', { name: /^Show more claims/ });
    while (!(await reader.article.card(MIDDLE).count())) await more.click();
    expect(await reader.article.badge(MIDDLE).count()).toBe(0);
    await reader.article.card(MIDDLE).click({ position: { x: 8, y: 8 } });
    await expect.poll(() => reader.article.isFocused(reader.article.badge(MIDDLE)), { timeout: WAIT_MS }).toBe(true);
    expect(reader.pageErrors).toEqual([]);
  });
});
