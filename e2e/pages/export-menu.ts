/**
 * The article toolbar's "Export" button and the dialog it opens: radio groups "Format" and
 * "Include", and "Download". Tests speak in the labels a person reads ("Annotated HTML",
 * "All claims, marked as not signed off"); this page object knows where they are.
 */
import type { Download, Locator, Page } from 'playwright-core';

export type ExportFormatLabel = 'Annotated HTML' | 'W3C Web Annotations (JSON-LD)' | 'CSV';
export type IncludeLabel = 'Signed-off claims only' | 'All claims, marked as not signed off';

export class ExportMenu {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly format: Locator;
  readonly include: Locator;
  readonly downloadButton: Locator;
  /** The server's refusal, shown in the dialog. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Export', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Export this article' });
    this.format = this.dialog.getByRole('radiogroup', { name: 'Format', exact: true });
    this.include = this.dialog.getByRole('radiogroup', { name: 'Include', exact: true });
    this.downloadButton = this.dialog.getByRole('button', { name: 'Download', exact: true });
    this.error = this.dialog.getByRole('alert');
  }

  /** The radio button of a format. */
  formatOption(label: ExportFormatLabel): Locator {
    return this.format.getByRole('radio', { name: label, exact: true });
  }

  /** The radio button of a choice of claims. */
  includeOption(label: IncludeLabel): Locator {
    return this.include.getByRole('radio', { name: label, exact: true });
  }

  /** Opens the dialog (if it is not open yet) with a click on "Export". */
  async open(): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.button.click();
    await this.dialog.waitFor();
  }

  /** Opens the dialog and picks a format and which claims to include. */
  async choose(format: ExportFormatLabel, include: IncludeLabel): Promise<void> {
    await this.open();
    await this.formatOption(format).check();
    await this.includeOption(include).check();
  }

  /** Chooses, presses "Download" and returns the browser's download once it has started. */
  async download(format: ExportFormatLabel, include: IncludeLabel): Promise<Download> {
    await this.choose(format, include);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.downloadButton.click()]);
    return download;
  }
}
