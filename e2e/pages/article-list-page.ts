/** The list of articles, the first screen after signing in: search, "New article", archiving. */
import type { Locator, Page } from 'playwright-core';

export interface NewArticleDraft {
  /** Pasted into "Article text". */
  text?: string;
  /** Chosen with "Upload a file". */
  file?: { name: string; mimeType: string; content: string };
  /** The option's label: "Plain text", "Markdown" or "HTML". */
  format?: string;
  title?: string;
  sourceUrl?: string;
  publisher?: string;
  /** YYYY-MM-DD. */
  publishedAt?: string;
}

export class ArticleListPage {
  readonly newArticleButton: Locator;
  /** The "New article" form. */
  readonly newArticleForm: Locator;
  readonly importButton: Locator;
  readonly search: Locator;
  readonly showArchived: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.newArticleButton = main.getByRole('button', { name: 'New article', exact: true });
    this.newArticleForm = main.getByRole('form', { name: 'New article' });
    this.importButton = this.newArticleForm.getByRole('button', { name: 'Import article' });
    this.search = main.getByRole('searchbox', { name: 'Search articles' });
    this.showArchived = main.getByRole('checkbox', { name: 'Show archived' });
  }

  /** The link to an article, by its title. */
  article(title: string | RegExp): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title });
  }

  /** An article's row in the list: its link, details and buttons. */
  row(title: string | RegExp): Locator {
    return this.page.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title }) });
  }

  /** The titles listed, in order. */
  async titles(): Promise<string[]> {
    return this.page
      .getByRole('list', { name: 'Articles' })
      .locator('.article-link-title')
      .allTextContents();
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

  /** Opens the "New article" form and fills what `draft` gives. */
  async fillNewArticle(draft: NewArticleDraft): Promise<void> {
    if (!(await this.newArticleForm.isVisible())) await this.newArticleButton.click();
    const form = this.newArticleForm;
    if (draft.text !== undefined) await form.getByLabel('Article text').fill(draft.text);
    if (draft.file) {
      await form.getByLabel('Upload a file').setInputFiles({ ...draft.file, buffer: Buffer.from(draft.file.content) });
      await form.getByText(`Importing the file ${draft.file.name} instead.`).waitFor();
    }
    if (draft.format) await form.getByLabel('Format').selectOption({ label: draft.format });
    if (draft.title !== undefined) await form.getByLabel('Title', { exact: true }).fill(draft.title);
    if (draft.sourceUrl !== undefined) await form.getByLabel('Source URL').fill(draft.sourceUrl);
    if (draft.publisher !== undefined) await form.getByLabel('Publisher').fill(draft.publisher);
    if (draft.publishedAt !== undefined) await form.getByLabel('Publish date').fill(draft.publishedAt);
  }

  /** The form's error message (role=alert). */
  get formError(): Locator {
    return this.newArticleForm.getByRole('alert');
  }

  /** The Archive or Unarchive button of an article. */
  archiveButton(title: string, action: 'Archive' | 'Unarchive' = 'Archive'): Locator {
    return this.page.getByRole('main').getByRole('button', { name: `${action} ${title}`, exact: true });
  }
}
