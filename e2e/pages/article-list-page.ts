/** The list of articles, the first screen after signing in. */
import type { Locator, Page } from 'playwright-core';

export class ArticleListPage {
  constructor(readonly page: Page) {}

  /** The link to an article, by its title. */
  article(title: string | RegExp): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title });
  }

  /** Opens the list and waits until the article called `expectedTitle` is listed. */
  async open(expectedTitle: string | RegExp): Promise<void> {
    await this.page.goto('/');
    await this.article(expectedTitle).first().waitFor();
  }

  /** Follows the link to an article. */
  async openArticle(title: string | RegExp): Promise<void> {
    await this.article(title).first().click();
  }
}
