/**
 * The review workflow from the keyboard, and finding claims. Ann (annotator) annotates a claim,
 * sets its verdict with a digit and submits it without touching the mouse; Rex (reviewer) finds
 * it in the review queue, goes to it and approves it, also keyboard only. Then the summary strip
 * and the filters narrow the sidebar and the highlights, Ben sees "Ann Annotator is editing",
 * the "?" overlay lists the shortcuts, and axe finds nothing on the queue or an open claim.
 * The tests run in order and tell one story.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findViolations, formatViolations } from './support/axe.js';
import { seedClaim } from './support/claim-bot.js';
import type { Credentials } from './support/people.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';
import { ClaimFinder } from './pages/claim-finder.js';
import { Keyboard } from './pages/keyboard.js';
import { ReviewQueuePage } from './pages/review-queue-page.js';

const QUOTE = '93 votes in favor, 18 against, and 65 abstentions';
const RATIONALE = 'The UN record lists 93 in favour, 18 against and 65 abstentions.';
const WAIT_MS = 8000;

describe('reviewing from the keyboard, and finding claims', () => {
  const suite = browserSuite();
  let annCredentials: Credentials;
  let ann: Person;
  let rex: Person;

  beforeAll(async () => {
    annCredentials = await suite.addPerson('ann', 'annotator', 'Ann Annotator');
    ann = await suite.signedIn(annCredentials);
    rex = await suite.signedIn(await suite.addPerson('rex', 'reviewer', 'Rex Reviewer'), { bypassCSP: true });
  });

  it('Ann annotates, sets the verdict with a digit and submits the claim, keyboard only', async () => {
    const keys = new Keyboard(ann.page);
    await ann.article.open(SEED_ARTICLE.id);
    // The article text takes a caret: Tab to it, move to the quote and select it with Shift + arrows.
    await keys.tabTo(ann.article.text, 60);
    await ann.article.selectWithKeyboard(QUOTE);
    await keys.press('a');
    await ann.article.editor.waitFor();
    expect(await ann.article.editor.locator('blockquote').innerText()).toBe(QUOTE);
    const verdictField = ann.article.editor.getByLabel('Verdict', { exact: true });
    expect(await keys.hasFocus(verdictField)).toBe(true);
    await keys.press('5');
    expect(await verdictField.inputValue()).toBe('false');

    await keys.press('Tab');
    await ann.page.keyboard.type(RATIONALE);
    await keys.tabTo(ann.article.editor.getByRole('button', { name: 'Save', exact: true }));
    await keys.press('Enter');
    await ann.article.editor.waitFor({ state: 'detached' });

    // The saved claim's card has focus: "S" submits it.
    const card = ann.article.card(1);
    await expect.poll(() => keys.hasFocus(card), { timeout: WAIT_MS }).toBe(true);
    await keys.press('s');
    await expect.poll(() => card.innerText(), { timeout: WAIT_MS }).toMatch(/In review/);
    expect(await card.innerText()).toContain('False');
  });

  it('the article text takes a caret and a selection, but no typing, deleting or breaking lines', async () => {
    const keys = new Keyboard(ann.page);
    await ann.article.open(SEED_ARTICLE.id);
    await keys.tabTo(ann.article.text, 60);
    // textContent, not innerText: paragraphs out of view are not rendered (content-visibility).
    const before = await ann.article.text.textContent();
    await ann.article.selectWithKeyboard('65 abstentions');
    for (const key of ['x', 'Backspace', 'Delete', 'Enter', 'Control+x', 'Control+b']) await keys.press(key);
    await ann.page.keyboard.insertText('inserted text');
    expect(await ann.article.text.textContent()).toBe(before);
    expect(await ann.article.text.getAttribute('aria-readonly')).toBe('true');
  });

  it('Rex finds the claim in the review queue, goes to it and approves it, keyboard only', async () => {
    const keys = new Keyboard(rex.page);
    const queue = new ReviewQueuePage(rex.page);
    await rex.page.goto('/');
    await expect.poll(() => queue.headerLink.getAttribute('aria-label').then(async (l) => l ?? (await queue.headerLink.innerText())), { timeout: WAIT_MS }).toMatch(/1 claim waiting/);
    await keys.tabTo(queue.headerLink);
    await keys.press('Enter');
    await queue.heading.waitFor();
    // The heading is there at once, the rows once the queue has been fetched.
    await expect.poll(() => queue.rows.count(), { timeout: WAIT_MS }).toBe(1);
    const row = await queue.rows.first().innerText();
    expect(row).toContain('Ann Annotator');
    expect(row).toContain('False');
    expect(row).toMatch(/U\.S\. and Russia unite/);

    await keys.tabTo(queue.claimLink(QUOTE));
    await keys.press('Enter');
    await rex.article.ready();
    const card = rex.article.card(1);
    // The claim the link named has focus on its article.
    await expect.poll(() => keys.hasFocus(card), { timeout: WAIT_MS }).toBe(true);
    expect(new URL(rex.page.url()).searchParams.get('claim')).toBe(await rex.article.claimId(1));

    await keys.press('p');
    await expect.poll(() => card.innerText(), { timeout: WAIT_MS }).toMatch(/Signed off by Rex Reviewer/);
    await expect.poll(() => ann.article.card(1).innerText(), { timeout: WAIT_MS }).toMatch(/Approved/);

    await queue.open();
    await expect.poll(() => queue.count.innerText(), { timeout: WAIT_MS }).toBe('No claims are waiting for review.');
  });

  it('the summary strip counts claims per verdict and status, and its buttons and the filters narrow the claims shown', async () => {
    await seedClaim(suite.server, SEED_ARTICLE.id, annCredentials, {
      quote: 'Israel and Hungary',
      verdict: 'false',
      rationale: 'Hungary abstained.',
      sources: [{ url: 'https://www.ons.gov.uk/x', title: 'ONS' }],
      status: 'in-review',
    });
    await seedClaim(suite.server, SEED_ARTICLE.id, annCredentials, { quote: 'Russia’s invasion of Ukraine', verdict: 'true' });
    const find = new ClaimFinder(ann.page);
    await expect.poll(() => ann.article.cards.count(), { timeout: WAIT_MS }).toBe(3);

    const twoFalse = find.count('2 claims False');
    await twoFalse.waitFor();
    await find.count('1 claim True').waitFor();
    await find.count('1 claim In review').waitFor();
    await find.count('1 claim Approved').waitFor();

    await twoFalse.focus();
    await ann.page.keyboard.press('Enter');
    expect(await twoFalse.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => ann.article.cards.count()).toBe(2);
    expect(await find.result.innerText()).toBe('Showing 2 of 3 claims.');
    // The other claims leave the text too, and the numbers stay those of all claims.
    // (In reading order the True claim is claim 1.)
    await expect.poll(() => ann.article.badges.count(), { timeout: WAIT_MS }).toBe(2);
    expect(await ann.article.badge(1).count()).toBe(0);
    expect(await ann.article.cards.evaluateAll((cards) => cards.map((c) => c.querySelector('.claim-number')?.textContent))).toEqual(['Claim 2', 'Claim 3']);
    await ann.article.badge(2).waitFor();
    await ann.article.badge(3).waitFor();

    await find.status.selectOption({ label: 'In review' });
    await expect.poll(() => ann.article.cards.count()).toBe(1);
    expect(await ann.article.cards.first().innerText()).toContain('Israel and Hungary');

    await find.clearButton.click();
    await expect.poll(() => ann.article.cards.count()).toBe(3);
    await find.source.selectOption('ons.gov.uk');
    await expect.poll(() => ann.article.cards.count()).toBe(1);
    await find.clearButton.click();
    await find.search.fill('hungary abstained');
    await expect.poll(() => ann.article.cards.count()).toBe(1);
    await find.author.selectOption({ label: 'Ann Annotator' });
    expect(await ann.article.cards.count()).toBe(1);
    await find.clearButton.click();
    await expect.poll(() => ann.article.cards.count()).toBe(3);
    expect(await ann.article.badges.count()).toBe(3);
  });

  it('the article list counts each article\'s claims by status and verdict, in words', async () => {
    await rex.page.goto('/');
    const row = rex.page.getByRole('listitem').filter({ hasText: SEED_ARTICLE.title });
    await expect.poll(() => row.innerText(), { timeout: WAIT_MS }).toMatch(/3 claims/);
    const text = await row.innerText();
    expect(text).toMatch(/1 In review/);
    expect(text).toMatch(/1 Approved/);
    expect(text).toMatch(/2 False/);
    expect(text).toMatch(/1 True/);
  });

  it('J and K move between the claims', async () => {
    const keys = new Keyboard(ann.page);
    await ann.article.card(1).focus();
    await keys.press('j');
    await expect.poll(() => keys.hasFocus(ann.article.card(2))).toBe(true);
    await keys.press('j');
    await expect.poll(() => keys.hasFocus(ann.article.card(3))).toBe(true);
    await keys.press('k');
    await expect.poll(() => keys.hasFocus(ann.article.card(2))).toBe(true);
  });

  it('a digit on a claim of one\'s own opens its editor with that verdict chosen', async () => {
    const keys = new Keyboard(ann.page);
    await ann.article.card(1).focus();
    await keys.press('3');
    await ann.article.editor.waitFor();
    await expect.poll(() => ann.article.editor.getByLabel('Verdict', { exact: true }).inputValue()).toBe('mixed');
    await keys.press('Escape');
    await ann.article.editor.waitFor({ state: 'detached' });
  });

  it('Ben sees "Ann Annotator is editing" on the card while her editor is open', async () => {
    const ben = await suite.signedIn(await suite.addPerson('ben', 'annotator', 'Ben Baker'));
    await ben.article.open(SEED_ARTICLE.id);
    // Claim 1 (in reading order) is Ann's True claim, still a draft.
    const badge = ben.article.card(1).getByRole('status');
    await ben.article.card(1).waitFor();
    expect(await badge.count()).toBe(0);

    await ann.article.cardButton(1, 'Edit').click();
    await ann.article.editor.waitFor();
    await expect.poll(() => badge.innerText().catch(() => ''), { timeout: WAIT_MS }).toMatch(/^\W*Ann Annotator is editing$/);
    // Nobody sees themselves as "editing".
    expect(await ann.article.card(1).getByRole('status').count()).toBe(0);

    await ann.page.keyboard.press('Escape');
    await ann.article.editor.waitFor({ state: 'detached' });
    await expect.poll(() => badge.count(), { timeout: WAIT_MS }).toBe(0);
  });

  it('"?" opens the list of shortcuts as a dialog that keeps focus until Escape', async () => {
    const keys = new Keyboard(ann.page);
    await ann.article.card(1).focus();
    await keys.press('?');
    const dialog = ann.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/J\s+Go to the next claim/);
    for (let i = 0; i < 4; i++) {
      await keys.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    // Shortcuts sleep while the dialog is open.
    await keys.press('j');
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await keys.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await keys.hasFocus(ann.article.card(1))).toBe(true);
  });

  it('axe finds no violations on the review queue or on an open claim', async () => {
    const queue = new ReviewQueuePage(rex.page);
    await queue.open();
    await expect.poll(() => queue.rows.count(), { timeout: WAIT_MS }).toBe(1);
    let violations = await findViolations(rex.page);
    expect(violations, formatViolations(violations)).toEqual([]);

    await queue.claimLink('Israel and Hungary').click();
    await rex.article.ready();
    const card = rex.article.cards.filter({ hasText: 'Israel and Hungary' });
    await card.getByRole('button', { name: /^Request changes\b/ }).click();
    await rex.page.getByRole('form', { name: /^Request changes on claim \d+$/ }).waitFor();
    violations = await findViolations(rex.page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
