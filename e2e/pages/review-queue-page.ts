/** The review queue (/review-queue) and the header link to it, found by their accessible names. */
import type { Locator, Page } from 'playwright-core';

export class ReviewQueuePage {
  /** The header's link, named "Review queue, N claims waiting" once counted. */
  readonly headerLink: Locator;
  readonly heading: Locator;
  /** The rows of the queue table (without its header row). */
  readonly rows: Locator;
  /** "No claims are waiting for review." / "2 claims are waiting for review." */
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.headerLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Review queue\b/ });
    this.heading = page.getByRole('heading', { level: 1, name: 'Review queue' });
    this.rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
    this.count = page.getByRole('status').filter({ hasText: /waiting for review/ });
  }

  async open(): Promise<void> {
    await this.page.goto('/review-queue');
    await this.heading.waitFor();
  }

  /** The link to the claim whose quote contains `quote`. */
  claimLink(quote: string): Locator {
    return this.page.getByRole('table').getByRole('link', { name: new RegExp(escape(quote)) });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
