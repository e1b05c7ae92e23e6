/**
 * Every screen a newsroom uses all day passes axe-core with no violations: the sign-in page,
 * the article list, and the article page with a claim shown and the claim editor open.
 */
import { describe, expect, it } from 'vitest';
import { findViolations, formatViolations } from './support/axe.js';
import { seedClaim } from './support/claim-bot.js';
import { browserSuite, SEED_ARTICLE } from './support/suite.js';

/** axe needs to inject its script, which the app's content security policy would refuse. */
const AXE = { bypassCSP: true } as const;

describe('accessibility, checked with axe-core', () => {
  const suite = browserSuite();

  it('the sign-in page has no violations', async () => {
    const { page, signInPage } = await suite.visitor(AXE);
    await signInPage.open();
    const violations = await findViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('the article list has no violations', async () => {
    const { page, articles } = await suite.signedIn(await suite.addPerson('ana', 'annotator', 'Ana Annotator'), AXE);
    await articles.open(SEED_ARTICLE.title);
    const violations = await findViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('the article page with a claim and the claim editor open has no violations', async () => {
    const ben = await suite.addPerson('ben', 'annotator', 'Ben Baker');
    await seedClaim(suite.server, SEED_ARTICLE.id, ben, {
      quote: '93 votes in favor, 18 against, and 65 abstentions',
      verdict: 'true',
      rationale: 'Matches the UN record of the vote.',
      sources: [{ url: 'https://press.un.org/en/2025/ga12685.doc.htm', title: 'UN press release' }],
    });
    const { page, article } = await suite.signedIn(ben, AXE);
    await article.open(SEED_ARTICLE.id);
    await article.card(1).waitFor();
    await article.selectText('a three-page document');
    await article.annotateButton.click();
    await article.editor.waitFor();
    const violations = await findViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
