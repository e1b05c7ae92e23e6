/**
 * An exported HTML file opened from disk (`file://`) the way a reader would open it, but
 * watched: every dialog it tries to open and every request it tries to make beyond the file
 * itself is recorded (and refused). It opens in its own browser context with the file's
 * Content-Security-Policy bypassed, so what keeps it script-free is the escaping alone, and
 * axe-core can be injected.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export class ExportedFile {
  /** Messages of the dialogs (alert, confirm, prompt) the file opened. */
  readonly dialogs: string[] = [];
  /** Every request for something other than a file: URL. */
  readonly requests: string[] = [];
  readonly article: Locator;
  readonly claimsSection: Locator;

  private constructor(readonly context: BrowserContext, readonly page: Page) {
    this.article = page.locator('article.article');
    this.claimsSection = page.getByRole('region', { name: 'Claims', exact: true });
  }

  /** Opens the file at `path` in a new context of `browser`; close it with `close()`. */
  static async open(browser: Browser, path: string): Promise<ExportedFile> {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();
    const file = new ExportedFile(context, page);
    page.on('dialog', (dialog) => {
      file.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    context.on('request', (request) => {
      if (!request.url().startsWith('file:')) file.requests.push(request.url());
    });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    // Give anything deferred (timers, lazy images) a moment to show itself.
    await page.waitForTimeout(300);
    return file;
  }

  /** The marked stretches of claim `n` in the article (several when other claims cut it). */
  marks(n: number): Locator {
    return this.article.locator(`mark[data-claim="${n}"]`);
  }

  /** The text claim `n`'s marks cover (with its numbered label), joined. */
  async markedText(n: number): Promise<string> {
    return (await this.marks(n).allTextContents()).join('');
  }

  /** The parsed contents of the file's `<script type="application/ld+json">` blocks. */
  async jsonLd(): Promise<unknown[]> {
    const blocks = await this.page.locator('script[type="application/ld+json"]').allTextContents();
    return blocks.map((text) => JSON.parse(text) as unknown);
  }

  /** Every `<script>` that is not a JSON-LD data block, and every element with an on… attribute or a javascript: link. */
  async executableMarkup(): Promise<string[]> {
    return this.page.evaluate(() => {
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll('*'))) {
        const tag = element.tagName.toLowerCase();
        if (tag === 'script' && element.getAttribute('type') !== 'application/ld+json') found.push(element.outerHTML.slice(0, 120));
        if (tag === 'svg' || tag === 'img' || tag === 'iframe' || tag === 'object' || tag === 'embed') found.push(element.outerHTML.slice(0, 120));
        for (const attribute of Array.from(element.attributes)) {
          const value = attribute.value.trim().toLowerCase();
          if (attribute.name.startsWith('on') || ((attribute.name === 'href' || attribute.name === 'src') && /^(javascript|data|vbscript):/.test(value))) {
            found.push(`${tag} ${attribute.name}="${attribute.value.slice(0, 80)}"`);
          }
        }
      }
      return found;
    });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
