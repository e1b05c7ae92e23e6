/**
 * The versions of an article on its page: the "Version" switcher, the read-only notice of an
 * earlier version, and "Upload new version" with its form (reviewers and admins).
 */
import type { Locator, Page } from 'playwright-core';

export class VersionsPage {
  readonly switcher: Locator;
  readonly uploadButton: Locator;
  /** "You are reading version n, read-only…" while an earlier version is shown. */
  readonly readOnlyNotice: Locator;

  constructor(readonly page: Page) {
    this.switcher = page.getByLabel('Version', { exact: true });
    this.uploadButton = page.getByRole('button', { name: 'Upload new version', exact: true });
    this.readOnlyNotice = page.getByRole('status').filter({ hasText: /You are reading version \d+, read-only/ });
  }

  /** Uploads `content` (pasted) in `format` as the next version; waits until the form has closed. */
  async upload(content: string, format: 'Plain text' | 'Markdown' | 'HTML' = 'Plain text'): Promise<void> {
    await this.uploadButton.click();
    const form = this.page.getByRole('form', { name: 'Upload a new version' });
    await form.getByLabel('Text of the new version', { exact: true }).fill(content);
    await form.getByLabel('Format', { exact: true }).selectOption({ label: format });
    await form.getByRole('button', { name: 'Upload version', exact: true }).click();
    await form.waitFor({ state: 'detached' });
  }

  /** Shows version `n` ("Version n (current)" or "Version n, <date>"). */
  async show(n: number): Promise<void> {
    const options = await this.switcher.locator('option').allTextContents();
    const label = options.find((text) => new RegExp(`^Version ${n}\\b`).test(text.trim()));
    if (!label) throw new Error(`No option for version ${n} among: ${options.join(', ')}`);
    await this.switcher.selectOption({ label: label.trim() });
  }
}
