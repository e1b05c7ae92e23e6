/**
 * The review workflow between two people in two browsers: Ana submits, Rita asks for changes,
 * Ana fixes and resubmits, Rita signs off — each step seen live by the other, Ana never offered
 * "Approve" — then Ana's edit of the rationale sends the claim back to review in both
 * browsers. A reply with an @mention reaches the other person's "For you"; the open claim
 * with its discussion and history passes axe. And the admin's two-person setting.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ClaimDiscussion } from './pages/claim-discussion.js';
import { ForYou } from './pages/for-you.js';
import { findViolations, formatViolations } from './support/axe.js';
import { seedClaim } from './support/claim-bot.js';
import type { Credentials } from './support/people.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

/** axe needs to inject its script, which the app's content security policy would refuse. */
const AXE = { bypassCSP: true } as const;

/** Waits until `locator`'s text matches `pattern`. */
async function untilText(locator: Locator, pattern: RegExp, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    last = (await locator.innerText().catch(() => '')) ?? '';
    if (pattern.test(last)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Expected ${pattern} in: ${last}`);
}

describe('reviewing a claim in two browsers', () => {
  const suite = browserSuite();
  let ana: Credentials;
  let rita: Credentials;
  let anaAt: Person;
  let ritaAt: Person;

  beforeAll(async () => {
    ana = await suite.addPerson('ana', 'annotator', 'Ana Annotator');
    rita = await suite.addPerson('rita', 'reviewer', 'Rita Reviewer');
    await seedClaim(suite.server, SEED_ARTICLE.id, ana, {
      quote: 'a three-page document',
      verdict: 'true',
      rationale: 'The draft text runs to three pages.',
    });
    anaAt = await suite.signedIn(ana, AXE);
    ritaAt = await suite.signedIn(rita);
    await anaAt.article.open(SEED_ARTICLE.id);
    await ritaAt.article.open(SEED_ARTICLE.id);
    await anaAt.article.card(1).waitFor();
    await ritaAt.article.card(1).waitFor();
  });

  it('Ana submits; Rita sees it in review and asks for changes; Ana sees the comment live', async () => {
    await anaAt.article.card(1).getByRole('button', { name: 'Submit for review: claim 1' }).click();
    await untilText(ritaAt.article.card(1), /In review/);
    expect(await anaAt.article.cardButton(1, 'Approve').count()).toBe(0);

    await ritaAt.article.cardButton(1, 'Request changes').click();
    await ritaAt.article.card(1).getByLabel('Comment').fill('Cite the UN draft itself, please.');
    await ritaAt.article.card(1).getByRole('button', { name: 'Send request' }).click();

    await untilText(anaAt.article.card(1), /Changes requested by Rita Reviewer[\s\S]*Cite the UN draft itself, please\./);
  });

  it('Ana fixes the claim and resubmits; Rita approves; Ana sees the sign-off live and has no Approve', async () => {
    await anaAt.article.cardButton(1, 'Edit').click();
    await anaAt.article.fillClaimForm({
      verdict: 'true',
      rationale: 'The UN draft runs to three pages.',
      sources: [{ url: 'https://press.un.org/en/2025/ga12685.doc.htm', title: 'UN press release' }],
    });
    await anaAt.article.editor.getByRole('button', { name: 'Save', exact: true }).click();
    await anaAt.article.editor.waitFor({ state: 'detached' });
    await anaAt.article.card(1).getByRole('button', { name: 'Submit for review: claim 1' }).click();
    await untilText(ritaAt.article.card(1), /In review/);

    await ritaAt.article.card(1).getByRole('button', { name: 'Approve claim 1' }).click();
    await untilText(anaAt.article.card(1), /Signed off by Rita Reviewer/);
    expect(await anaAt.article.cardButton(1, 'Approve').count()).toBe(0);
    expect(await anaAt.page.getByRole('button', { name: /^Approve\b/ }).count()).toBe(0);
  });

  it("after Ana edits the rationale, the claim is back in review in both browsers, and the history says why", async () => {
    await anaAt.article.cardButton(1, 'Edit').click();
    await anaAt.article.fillClaimForm({ verdict: 'true', rationale: 'The UN draft runs to three pages (A/80/L.1).' });
    await anaAt.article.editor.getByRole('button', { name: 'Save', exact: true }).click();
    await anaAt.article.editor.waitFor({ state: 'detached' });

    await untilText(anaAt.article.card(1), /In review/);
    await untilText(ritaAt.article.card(1), /In review/);
    expect(await ritaAt.article.card(1).innerText()).not.toMatch(/Signed off/);

    const history = new ClaimDiscussion(ritaAt.article, 1);
    await history.openHistory();
    const entries = await history.historyEntries.allInnerTexts();
    expect(entries[0]).toMatch(/Ana Annotator created the claim/);
    expect(entries.join('\n')).toMatch(/Rita Reviewer requested changes[\s\S]*Cite the UN draft itself/);
    expect(entries.join('\n')).toMatch(/Rita Reviewer approved it/);
    expect(entries.at(-2)).toMatch(/Ana Annotator changed the rationale/);
    expect(entries.at(-1)).toMatch(/Factdesk sent it back to review after the rationale changed/);
  });

  it("a reply with @ana shows up in Ana's For you, live", async () => {
    const forYou = new ForYou(anaAt.page);
    const before = await forYou.unread();
    const thread = new ClaimDiscussion(ritaAt.article, 1);
    await thread.reply('@ana which paragraph says three pages?');
    await untilText(thread.comments.first(), /Rita Reviewer[\s\S]*@ana which paragraph says three pages\?/);

    const until = Date.now() + 8_000;
    while ((await forYou.unread()) <= before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await forYou.unread()).toBeGreaterThan(before);
    const items = await forYou.open();
    await untilText(items.first(), /New: Rita Reviewer mentioned you[\s\S]*which paragraph says three pages/);
    const all = (await items.allInnerTexts()).join('\n');
    expect(all).toMatch(/Rita Reviewer approved your claim/);
    expect(all).toMatch(/Rita Reviewer requested changes on your claim[\s\S]*Cite the UN draft itself/);

    // Rita was asked to review, each time the claim went into review.
    const ritasItems = await new ForYou(ritaAt.page).open();
    expect((await ritasItems.allInnerTexts()).join('\n')).toMatch(/Ana Annotator submitted a claim for review/);

    // Following the mention opens the article at that claim and marks it read.
    const unread = await forYou.unread();
    await items.first().getByRole('link').click();
    await anaAt.page.waitForURL(/\?claim=/);
    await anaAt.article.ready();
    const until2 = Date.now() + 5_000;
    while ((await forYou.unread()) !== unread - 1 && Date.now() < until2) await new Promise((r) => setTimeout(r, 100));
    expect(await forYou.unread()).toBe(unread - 1);
  });

  it('Ana answers in the thread, edits her comment and resolves the thread; Rita sees it', async () => {
    const thread = new ClaimDiscussion(anaAt.article, 1);
    await thread.reply('Paragraph 2 <b>says</b> so.');
    await untilText(thread.comments.nth(1), /Ana Annotator[\s\S]*Paragraph 2 <b>says<\/b> so\./);
    await thread.card.getByRole('button', { name: 'Edit comment 2 on claim 1' }).click();
    await thread.card.getByRole('textbox', { name: 'Edit comment 2 on claim 1' }).fill('Paragraph 2 says so.');
    await thread.card.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await thread.card.getByRole('button', { name: 'Edit comment 1 on claim 1' }).count()).toBe(0);
    expect(await thread.card.getByRole('button', { name: 'Delete comment 1 on claim 1' }).count()).toBe(0);
    await thread.card.getByRole('button', { name: 'Resolve thread on claim 1' }).click();

    const ritas = new ClaimDiscussion(ritaAt.article, 1);
    await untilText(ritas.discussionButton, /Discussion \(2\) · resolved/);
    await untilText(ritas.comments.nth(1), /Paragraph 2 says so\.\s*\(edited\)|\(edited\)[\s\S]*Paragraph 2 says so\./);
  });

  it('an open claim with its discussion and history has no axe violations', async () => {
    const thread = new ClaimDiscussion(anaAt.article, 1);
    await thread.openDiscussion();
    await thread.openHistory();
    await thread.comments.first().waitFor();
    const violations = await findViolations(anaAt.page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await new ForYou(anaAt.page).open();
    const withPanel = await findViolations(anaAt.page);
    expect(withPanel, formatViolations(withPanel)).toEqual([]);
    expect(anaAt.pageErrors).toEqual([]);
  });
});

describe('the two-person rule as an admin setting', () => {
  const suite = browserSuite();

  it("shows a reviewer Approve on their own claim only while the admin's setting allows it", async () => {
    const rita = await suite.addPerson('rita', 'reviewer', 'Rita Reviewer');
    await seedClaim(suite.server, SEED_ARTICLE.id, rita, { quote: 'a three-page document', verdict: 'true', status: 'in-review' });
    const ritaAt = await suite.signedIn(rita);
    await ritaAt.article.open(SEED_ARTICLE.id);
    await ritaAt.article.card(1).waitFor();
    expect(await ritaAt.article.cardButton(1, 'Approve').count()).toBe(0);

    const admin = await suite.signedIn(await suite.admin());
    await admin.team.open();
    const rule = admin.page.getByRole('checkbox', { name: 'Reviewers may not approve their own claims' });
    expect(await rule.isChecked()).toBe(true);
    await rule.uncheck();
    await admin.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await ritaAt.page.reload();
    await ritaAt.article.ready();
    await ritaAt.article.cardButton(1, 'Approve').click();
    await untilText(ritaAt.article.card(1), /Signed off by Rita Reviewer/);
  });
});
