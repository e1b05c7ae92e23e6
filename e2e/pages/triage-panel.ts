/**
 * The Triage panel of the article page: claims a new version left with changed text or not
 * found, each a group named "Claim n: text changed since verdict" or "Claim n: not found in
 * version v", with "Confirm suggestion", "Re-attach to selection" and "Archive claim".
 */
import type { Locator, Page } from 'playwright-core';

export type TriageAction = 'Confirm suggestion' | 'Re-attach to selection' | 'Archive claim';

export class TriagePanel {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /^Triage\b/ });
  }

  /** Every claim waiting for triage. */
  get items(): Locator {
    return this.region.getByRole('group', { name: /^Claim \d+: / });
  }

  /** The claim whose triage heading matches `name`, e.g. /text changed since verdict/. */
  item(name: RegExp): Locator {
    return this.region.getByRole('group', { name });
  }

  /** Presses one of the triage buttons of the claim matching `name`. */
  async act(name: RegExp, action: TriageAction): Promise<void> {
    await this.item(name).getByRole('button', { name: action, exact: true }).click();
  }
}
