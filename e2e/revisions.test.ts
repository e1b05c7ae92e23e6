/**
 * A new version of an article, live: a reviewer uploads it in one browser; in another, the
 * author sees the new text with the claims re-anchored, the changed and orphaned ones in
 * Triage, resolves them, and reads the earlier version with the claims as they were.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedClaim, signOffClaim } from './support/claim-bot.js';
import { findViolations, formatViolations } from './support/axe.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';
import type { Credentials } from './support/people.js';
import { TriagePanel } from './pages/triage-panel.js';
import { VersionsPage } from './pages/versions-page.js';

const seed = readFileSync(new URL('../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const DOROTHY = seed.split('\n').find((line) => line.startsWith('Dorothy Camille Shea'))!;
const revised = seed
  .replace('\nThe Contentious Resolution\n', '\nThe Contentious Resolution\nEditor’s note: this article was corrected on Feb. 26.\n')
  .replace('it dose not fully', 'it does not fully')
  .replace(`${DOROTHY}\n`, 'The interim US representative explained the vote in a short statement.\n');

const LOST_QUOTE = 'the interim representative who spoke at the UN General Assembly, explained the U.S. position';
const CHANGED = /^Claim \d+: text changed since verdict/;
const ORPHAN = /^Claim \d+: not found in version 2/;

describe('revisions of an article', () => {
  const suite = browserSuite();
  let anna: Credentials;
  let rita: Credentials;
  let author: Person;
  let reviewer: Person;

  it('a reviewer uploads a new version; the author sees re-anchored claims and the triage view at once', async () => {
    anna = await suite.addPerson('anna', 'annotator', 'Anna Author');
    rita = await suite.addPerson('rita', 'reviewer', 'Rita Reviewer');
    const docId = SEED_ARTICLE.id;
    await seedClaim(suite.server, docId, anna, { quote: 'a three-page document calling for Russia’s withdrawal', verdict: 'true' });
    const signed = await seedClaim(suite.server, docId, anna, { quote: 'it dose not fully justify the US actions', verdict: 'mostly-true', status: 'in-review' });
    await signOffClaim(suite.server, docId, rita, signed);
    await seedClaim(suite.server, docId, anna, { quote: LOST_QUOTE, verdict: 'false' });

    author = await suite.signedIn(anna, { bypassCSP: true }); // bypassCSP: axe is injected below
    reviewer = await suite.signedIn(rita, { bypassCSP: true });
    await Promise.all([author.article.open(docId), reviewer.article.open(docId)]);
    await expect.poll(() => author.article.badges.count()).toBe(3);

    const triage = new TriagePanel(author.page);
    expect(await triage.region.count()).toBe(0);
    const versions = new VersionsPage(reviewer.page);
    await versions.uploadButton.click();
    const violations = await findViolations(reviewer.page, '.version-bar');
    expect(violations, formatViolations(violations)).toEqual([]);
    await reviewer.page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await versions.upload(revised);
    await reviewer.page.getByText(/Version 2 is up: 1 claim carried over, 1 with changed text, 1 not found\. 1 signed-off claim is back in review\./).waitFor();

    // The author's browser, untouched: the new text, two highlights (the orphan is not highlighted), and Triage.
    await author.article.text.getByText('Editor’s note: this article was corrected on Feb. 26.').waitFor();
    await triage.region.waitFor();
    expect(await triage.items.count()).toBe(2);
    await triage.item(CHANGED).getByText('it dose not fully justify the US actions').waitFor();
    await triage.item(CHANGED).getByText('it does not fully justify the US actions').waitFor();
    await triage.item(ORPHAN).getByText(LOST_QUOTE).waitFor();
    expect(await author.article.badges.count()).toBe(2);
    const changedCard = author.article.cards.filter({ hasText: 'Text changed since verdict' });
    await changedCard.getByText('In review').waitFor();
    expect(await author.article.cards.count()).toBe(3);
    expect(await author.article.cards.filter({ hasText: 'Not found in the text of this version.' }).count()).toBe(1);
    expect(author.pageErrors).toEqual([]);
    await triage.region.scrollIntoViewIfNeeded();
    await author.page.screenshot({ path: '/tmp/factdesk-triage.png' });
  });

  it('has no axe violations in the triage view', async () => {
    const violations = await findViolations(author.page, '.triage-panel');
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('re-attaches the orphan to a selection and confirms the suggestion for the changed claim; the reviewer sees both', async () => {
    const triage = new TriagePanel(author.page);
    await author.article.selectText('The interim US representative explained the vote');
    await triage.act(ORPHAN, 'Re-attach to selection');
    await expect.poll(() => author.article.badges.count()).toBe(3);
    await triage.act(CHANGED, 'Confirm suggestion');
    await triage.region.waitFor({ state: 'detached' });

    const theirs = new TriagePanel(reviewer.page);
    await theirs.region.waitFor({ state: 'detached' });
    await expect.poll(() => reviewer.article.badges.count()).toBe(3);
    await reviewer.article.text.locator('.claim-highlight').filter({ hasText: 'The interim US representative explained the vote' }).first().waitFor();
  });

  it('shows an earlier version read-only, with the claims where they were then', async () => {
    const versions = new VersionsPage(author.page);
    await versions.show(1);
    await versions.readOnlyNotice.waitFor();
    await author.article.text.getByText(/it dose not fully justify/).waitFor();
    expect(await author.article.text.getByText('Editor’s note').count()).toBe(0);
    await expect.poll(() => author.article.badges.count()).toBe(3);
    expect(await author.article.annotateButton.count()).toBe(0);
    expect(await author.page.getByRole('button', { name: /^Edit claim/ }).count()).toBe(0);
    const dorothy = author.article.text.locator('.claim-highlight').filter({ hasText: 'the interim representative who spoke' });
    expect(await dorothy.count()).toBeGreaterThan(0);

    await versions.show(2);
    await versions.readOnlyNotice.waitFor({ state: 'detached' });
    await author.article.annotateButton.waitFor();
  });
});
