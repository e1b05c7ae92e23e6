/** The header's "For you" button (with its unread count) and the list it opens. */
import type { Locator, Page } from 'playwright-core';

export class ForYou {
  readonly button: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('banner').getByRole('button', { name: /^For you\b/ });
    this.panel = page.getByRole('region', { name: 'For you', exact: true });
  }

  /** The unread count in the button's name ("For you 2 unread" → 2; 0 without a count). */
  async unread(): Promise<number> {
    const name = (await this.button.textContent()) ?? '';
    const match = /(\d+)\s*unread/.exec(name);
    return match ? Number(match[1]) : 0;
  }

  /** Opens the list (if closed) and returns its entries. */
  async open(): Promise<Locator> {
    if ((await this.button.getAttribute('aria-expanded')) !== 'true') await this.button.click();
    await this.panel.waitFor();
    return this.panel.getByRole('listitem');
  }
}
