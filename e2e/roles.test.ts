/**
 * Each role sees the controls it may use, and only those (the server enforces the same rules;
 * hiding them is a courtesy checked here). Claims are set up over the collaboration socket
 * by their authors, so each test is about what one person sees.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedClaim } from './support/claim-bot.js';
import type { Credentials } from './support/people.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

describe('what each role sees on an article', () => {
  const suite = browserSuite();
  let viewer: Credentials;
  let ana: Credentials;
  let rita: Credentials;

  /** Opens the seed article as `who` and waits until its three claims are shown. */
  const openArticleAs = async (who: Credentials): Promise<Person> => {
    const person = await suite.signedIn(who);
    await person.article.open(SEED_ARTICLE.id);
    await person.article.card(3).waitFor();
    return person;
  };

  beforeAll(async () => {
    viewer = await suite.addPerson('vera', 'viewer', 'Vera Viewer');
    ana = await suite.addPerson('ana', 'annotator', 'Ana Annotator');
    const ben = await suite.addPerson('ben', 'annotator', 'Ben Baker');
    rita = await suite.addPerson('rita', 'reviewer', 'Rita Reviewer');
    // In reading order: 1 by Ana (in review), 2 by Ben (draft), 3 by Rita (in review).
    await seedClaim(suite.server, SEED_ARTICLE.id, ana, { quote: 'voted against a resolution condemning', verdict: 'true', status: 'in-review' });
    await seedClaim(suite.server, SEED_ARTICLE.id, ben, { quote: 'a three-page document', verdict: 'mostly-true' });
    await seedClaim(suite.server, SEED_ARTICLE.id, rita, { quote: 'consisting of just three paragraphs', verdict: 'true', status: 'in-review' });
  });

  it('a viewer sees the claims but no Annotate button and no Edit or Delete', async () => {
    const { article } = await openArticleAs(viewer);
    expect(await article.annotateButton.count(), 'Annotate buttons').toBe(0);
    for (const n of [1, 2, 3]) {
      expect(await article.cardButton(n, 'Edit').count(), `Edit on claim ${n}`).toBe(0);
      expect(await article.cardButton(n, 'Delete').count(), `Delete on claim ${n}`).toBe(0);
    }
  });

  it('an annotator sees Annotate, Edit and Delete on their own claim only, and no Approve', async () => {
    const { article, page } = await openArticleAs(ana);
    expect(await article.annotateButton.isVisible(), 'the Annotate button').toBe(true);
    expect(await article.cardButton(1, 'Edit').isVisible(), 'Edit on their own claim').toBe(true);
    expect(await article.cardButton(1, 'Delete').isVisible(), 'Delete on their own claim').toBe(true);
    for (const n of [2, 3]) {
      expect(await article.cardButton(n, 'Edit').count(), `Edit on claim ${n}`).toBe(0);
      expect(await article.cardButton(n, 'Delete').count(), `Delete on claim ${n}`).toBe(0);
    }
    expect(await page.getByRole('button', { name: /^Approve\b/ }).count(), 'Approve anywhere').toBe(0);
  });

  it("a reviewer sees Approve on a colleague's claim in review, not on their own nor on a draft", async () => {
    const { article } = await openArticleAs(rita);
    expect(await article.cardButton(1, 'Approve').isVisible(), "an Approve button on a colleague's claim in review").toBe(true);
    expect(await article.cardButton(1, 'Request changes').isVisible(), "a Request changes button on a colleague's claim in review").toBe(true);
    expect(await article.cardButton(2, 'Approve').count(), 'Approve on a draft').toBe(0);
    expect(await article.cardButton(3, 'Approve').count(), 'Approve on their own claim').toBe(0);
  });

  it('only the admin sees the Team link', async () => {
    for (const who of [viewer, ana, rita]) {
      const { header } = await suite.signedIn(who);
      await header.nav.waitFor();
      expect(await header.teamLink.count(), `Team link for ${who.login}`).toBe(0);
    }
    const admin = await suite.signedIn(await suite.admin());
    await admin.header.teamLink.click();
    await admin.team.heading.waitFor();
    // The people arrive after the heading (the page asks the server for them): wait as a reader would.
    await admin.team.person('Rita Reviewer').waitFor();
    expect(await admin.team.person('Rita Reviewer').isVisible()).toBe(true);
  });
});

describe('signing in and out', () => {
  const suite = browserSuite();

  it('a wrong password shows an error and keeps the sign-in form', async () => {
    await suite.addPerson('ana', 'annotator', 'Ana Annotator');
    const { signInPage } = await suite.visitor();
    await signInPage.open();
    await signInPage.signIn('ana', 'not-her-password');
    expect(await signInPage.error.first().innerText()).toMatch(/\S/);
    expect(await signInPage.isShown()).toBe(true);
  });

  it('signing out returns to the sign-in form', async () => {
    const { header, signInPage } = await suite.signedIn(await suite.addPerson('ben', 'annotator', 'Ben Baker'));
    await header.signOut();
    await signInPage.login.waitFor();
    expect(await signInPage.isShown()).toBe(true);
  });
});
