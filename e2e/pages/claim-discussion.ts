/**
 * The discussion and the history folded into claim `n`'s card: "Discussion (N)" and
 * "History (N)" buttons, the reply box "Reply to claim n", and the comments and entries.
 */
import type { Locator } from 'playwright-core';
import type { ArticlePage } from './article-page.js';

export class ClaimDiscussion {
  readonly card: Locator;
  readonly discussionButton: Locator;
  readonly historyButton: Locator;
  readonly replyBox: Locator;
  readonly comments: Locator;
  readonly historyEntries: Locator;

  constructor(article: ArticlePage, readonly n: number) {
    this.card = article.card(n);
    this.discussionButton = this.card.getByRole('button', { name: /^Discussion \(\d+\)/ });
    this.historyButton = this.card.getByRole('button', { name: /^History \(\d+\)/ });
    this.replyBox = this.card.getByRole('textbox', { name: `Reply to claim ${n}`, exact: true });
    this.comments = this.card.getByRole('region', { name: `Discussion of claim ${n}` }).getByRole('listitem');
    this.historyEntries = this.card.getByRole('region', { name: `History of claim ${n}` }).getByRole('listitem');
  }

  async openDiscussion(): Promise<void> {
    if ((await this.discussionButton.getAttribute('aria-expanded')) !== 'true') await this.discussionButton.click();
  }

  async openHistory(): Promise<void> {
    if ((await this.historyButton.getAttribute('aria-expanded')) !== 'true') await this.historyButton.click();
  }

  /** Writes a reply and sends it. */
  async reply(text: string): Promise<void> {
    await this.openDiscussion();
    await this.replyBox.fill(text);
    await this.card.getByRole('button', { name: 'Reply', exact: true }).click();
  }
}
