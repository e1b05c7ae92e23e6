/** The sign-in form, found by the accessible names DESIGN.md fixes: "Login", "Password", "Sign in". */
import type { Locator, Page } from 'playwright-core';

export class SignInPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The message a failed sign-in shows (an alert with some text in it). */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.login = page.getByLabel('Login', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
    this.error = page.getByRole('alert').filter({ hasText: /\S/ });
  }

  /** Opens the app as a visitor, who is asked to sign in. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await this.login.waitFor();
  }

  /** Fills in the form and submits it; waits until the form has gone or an error is shown. */
  async signIn(login: string, password: string): Promise<void> {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
    await Promise.race([this.login.waitFor({ state: 'detached' }), this.error.first().waitFor()]);
  }

  /** Whether the form is on the screen. */
  isShown(): Promise<boolean> {
    return this.submit.isVisible();
  }
}
