/** The banner of every signed-in screen: main links and signing out. */
import type { Locator, Page } from 'playwright-core';

export class AppHeader {
  readonly nav: Locator;
  readonly articlesLink: Locator;
  readonly teamLink: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.articlesLink = this.nav.getByRole('link', { name: 'Articles', exact: true });
    this.teamLink = this.nav.getByRole('link', { name: 'Team', exact: true });
    this.signOutButton = page.getByRole('button', { name: 'Sign out', exact: true });
  }

  /** Signs out through the header button. */
  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }
}
