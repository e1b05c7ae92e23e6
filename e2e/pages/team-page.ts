/** The admin's team screen: who works in the workspace, with which role. */
import type { Locator, Page } from 'playwright-core';

export class TeamPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { name: /team/i }).first();
  }

  /** Opens the team screen directly. */
  async open(): Promise<void> {
    await this.page.goto('/team');
    await this.heading.waitFor();
  }

  /** Where a person is mentioned on the team screen, by display name. */
  person(name: string): Locator {
    return this.page.getByRole('main').getByText(name, { exact: false }).first();
  }
}
