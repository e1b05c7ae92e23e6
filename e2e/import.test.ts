/**
 * Importing an article from the article list: a reviewer pastes Markdown into the "New
 * article" form (axe-clean) and lands on the new article, ready to annotate with its
 * headings in place; an HTML file is uploaded with its format taken from its name; errors
 * show next to the form and create nothing; search and archiving on the list. Saves a
 * screenshot of the filled form to `/tmp/factdesk-new-article.png`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findViolations, formatViolations } from './support/axe.js';
import type { Credentials } from './support/people.js';
import { browserSuite, SEED_ARTICLE } from './support/suite.js';

const MARKDOWN = `# Council approves bridge budget

The council approved **€2m** for the new bridge on Tuesday, the mayor said.

## What critics say

Engineers doubt the bridge can open in 2027.

## Costs

> "Steel prices rose by a third," said the treasurer.
`;

describe('importing an article', () => {
  const suite = browserSuite();
  let rita: Credentials;
  let vera: Credentials;

  beforeAll(async () => {
    rita = await suite.addPerson('rita', 'reviewer', 'Rita Reviewer');
    vera = await suite.addPerson('vera', 'viewer', 'Vera Viewer');
  });

  it('imports Markdown through the "New article" form and opens it ready to annotate, with its headings', async () => {
    const { page, articles, article } = await suite.signedIn(rita, { bypassCSP: true });
    await articles.open(SEED_ARTICLE.title);
    await articles.newArticleButton.click();
    await articles.newArticleForm.waitFor();
    const violations = await findViolations(page, '.new-article');
    expect(violations, formatViolations(violations)).toEqual([]);

    await articles.fillNewArticle({
      text: MARKDOWN,
      format: 'Markdown',
      sourceUrl: 'https://city.example/bridge-budget',
      publisher: 'City Gazette',
      publishedAt: '2026-03-01',
    });
    await page.screenshot({ path: '/tmp/factdesk-new-article.png', fullPage: true });
    await articles.importButton.click();
    await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
    await article.ready();

    expect(await article.text.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Council approves bridge budget']);
    expect(await article.text.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['What critics say', 'Costs']);
    expect(await article.text.locator('blockquote').textContent()).toContain('Steel prices rose by a third');
    expect(await article.text.locator('strong').first().textContent()).toBe('€2m');

    await article.selectText('Engineers doubt the bridge');
    await article.annotateButton.waitFor();
    expect(await article.annotateButton.isEnabled()).toBe(true);

    await page.goto('/');
    await articles.article('Council approves bridge budget').waitFor();
    expect(await articles.row('Council approves bridge budget').textContent()).toMatch(/City Gazette · Published (1 March 2026|March 1, 2026) · Last activity /);
  });

  it('takes the format of an uploaded file from its name, and drops what could run', async () => {
    const { page, articles, article } = await suite.signedIn(rita);
    await articles.open(SEED_ARTICLE.title);
    await articles.fillNewArticle({
      file: {
        name: 'harbour.html',
        mimeType: 'text/html',
        content: '<title>Harbour reopens</title><h1>Harbour reopens</h1><p onclick="alert(1)">Ships return <script>alert(2)</script>on Monday.</p><iframe src="https://evil.example"></iframe>',
      },
    });
    expect(await articles.newArticleForm.getByLabel('Format').inputValue()).toBe('html');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await articles.importButton.click();
    await page.waitForURL(/\/articles\//);
    await article.ready();
    expect(await article.text.textContent()).toBe('Harbour reopensShips return on Monday.');
    expect(await article.text.locator('script, iframe, [onclick]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows a refusal next to the form and creates nothing', async () => {
    const { page, articles } = await suite.signedIn(rita);
    await articles.open(SEED_ARTICLE.title);
    const before = await articles.titles();
    await articles.fillNewArticle({ text: 'Ferry timetable\nBoats leave hourly.', sourceUrl: 'javascript:alert(1)' });
    await articles.importButton.click();
    await articles.formError.waitFor();
    expect(await articles.formError.textContent()).toMatch(/source URL must start with http/);
    await articles.newArticleForm.getByLabel('Source URL').fill('');
    await articles.newArticleForm.getByLabel('Article text').fill('   ');
    await articles.importButton.click();
    await articles.formError.filter({ hasText: 'Paste the article or choose a file' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.reload();
    await articles.article(SEED_ARTICLE.title).waitFor();
    expect(await articles.titles()).toEqual(before);
  });

  it('searches by title and lets an admin archive and unarchive; a viewer cannot import or archive', async () => {
    const viewer = await suite.signedIn(vera);
    await viewer.articles.open(SEED_ARTICLE.title);
    expect(await viewer.articles.newArticleButton.count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: /^Archive / }).count()).toBe(0);
    await viewer.articles.search.fill('harbour');
    await viewer.page.waitForFunction(() => document.querySelectorAll('.article-link-title').length === 1);
    expect(await viewer.articles.titles()).toEqual(['Harbour reopens']);

    const { articles } = await suite.signedIn(await suite.admin());
    await articles.open(SEED_ARTICLE.title);
    await articles.archiveButton('Harbour reopens').click();
    await articles.article('Harbour reopens').waitFor({ state: 'detached' });
    await articles.showArchived.check();
    await articles.archiveButton('Harbour reopens', 'Unarchive').click();
    await articles.showArchived.uncheck();
    await articles.article('Harbour reopens').waitFor();
  });
});
