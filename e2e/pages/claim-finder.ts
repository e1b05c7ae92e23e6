/**
 * Finding claims on the article page: the summary strip's count buttons ("3 claims False"),
 * the sidebar filters and the "Showing N of M claims" line.
 */
import type { Locator, Page } from 'playwright-core';

export class ClaimFinder {
  readonly strip: Locator;
  readonly search: Locator;
  readonly verdict: Locator;
  readonly status: Locator;
  readonly author: Locator;
  readonly source: Locator;
  readonly clearButton: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.strip = page.getByRole('group', { name: 'Claims by verdict and status' });
    const filters = page.getByRole('search', { name: 'Filter claims' });
    this.search = filters.getByLabel('Search claims');
    this.verdict = filters.getByLabel('Filter by verdict');
    this.status = filters.getByLabel('Filter by status');
    this.author = filters.getByLabel('Filter by author');
    this.source = filters.getByLabel('Filter by source');
    this.clearButton = filters.getByRole('button', { name: 'Clear filters' });
    this.result = page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ claims/ });
  }

  /** A count button of the strip by its accessible name, e.g. "2 claims False" or "1 claim In review". */
  count(name: string): Locator {
    return this.strip.getByRole('button', { name, exact: true });
  }
}
