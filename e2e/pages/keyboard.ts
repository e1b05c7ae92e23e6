/**
 * Moving through a page with the keyboard only, as someone without a mouse does: Tab until
 * the wanted control has focus, then keys. Fails when Tab never reaches it.
 */
import type { Locator, Page } from 'playwright-core';

export class Keyboard {
  constructor(readonly page: Page) {}

  /** Presses Tab (at most `limit` times) until `target` has focus. */
  async tabTo(target: Locator, limit = 40): Promise<void> {
    await target.waitFor();
    for (let i = 0; i < limit; i++) {
      if (await this.hasFocus(target)) return;
      await this.page.keyboard.press('Tab');
    }
    if (!(await this.hasFocus(target))) throw new Error(`Tab did not reach ${target.toString()} in ${limit} presses`);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  hasFocus(target: Locator): Promise<boolean> {
    return target.evaluate((element) => element === document.activeElement).catch(() => false);
  }

  /** The accessible-ish description of what has focus: tag, name, text. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? ''} ${el.textContent?.trim().slice(0, 60) ?? ''}` : 'nothing';
    });
  }
}
