/**
 * A long article opened by its address comes with its static copy in the page
 * (server/src/http/article-page.ts): the article and every highlight are painted while the
 * app's code is still on its way, and the app takes the copy over where it stands
 * (client/src/editor/server-copy.ts). A page whose copy the app cannot use shows the app at once:
 * an address focusing a claim, or no one signed in after all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STATIC_COPY_FROM } from '@factdesk/shared';
import { adminToken, BENCH_ADMIN_PASSWORD, BENCH_DOC_PREFIX, startBenchServer, type BenchServer } from '../server/bench/harness.js';
import { ArticlePage } from './pages/article-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { ACTION_TIMEOUT_MS, launchBrowser } from './support/browser.js';

const CLAIMS = STATIC_COPY_FROM + 50;
const DOC = `${BENCH_DOC_PREFIX}0`;

/** What the page's globals hold for these checks (the e2e code is compiled without the DOM library). */
interface Taken {
  before: { x: number; y: number };
  after: { x: number; y: number; inRoot: boolean } | null;
}

describe('an article page that comes with its static copy', () => {
  let server: BenchServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let article: ArticlePage;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startBenchServer('checked', { rooms: 1, claims: CLAIMS });
    browser = await launchBrowser();
    await adminToken(server.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(): Promise<void> {
    await context?.close();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await context.request.post('/api/session', { data: { login: 'admin', password: BENCH_ADMIN_PASSWORD } });
    page = await context.newPage();
    article = new ArticlePage(page);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }

  it("paints every highlight before the app's code has run, and the app takes the copy over where it is", async () => {
    await openPage();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The app's entry script is held back: whatever is painted meanwhile came with the page.
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`/articles/${DOC}`, { waitUntil: 'commit' });
    await page.locator('#server-copy .claim-highlight').first().waitFor();
    await page.waitForFunction('document.readyState !== "loading"');
    const claimsPainted = await page.evaluate(`(() => {
      const ids = new Set();
      for (const piece of document.querySelectorAll('#server-copy [data-claims-starting]')) for (const id of piece.getAttribute('data-claims-starting').split(' ')) ids.add(id);
      return ids.size;
    })()`);
    expect(claimsPainted).toBe(CLAIMS);
    expect(await page.locator('#root').getAttribute('hidden')).toBe('');
    expect(await article.text.count()).toBe(0);

    // Where the article stands now, and where it stands right after the app took it.
    await page.evaluate(`(() => {
      const copy = document.querySelector('#server-copy .article-text--static');
      const rect = copy.getBoundingClientRect();
      window.__taken = { before: { x: rect.x, y: rect.y }, after: null };
      new MutationObserver((_, observer) => {
        if (document.getElementById('server-copy')) return;
        const now = copy.getBoundingClientRect();
        window.__taken.after = { x: now.x, y: now.y, inRoot: copy.isConnected && !!copy.closest('#root') };
        observer.disconnect();
      }).observe(document.body, { childList: true });
    })()`);
    release();
    await article.text.waitFor();
    const taken = (await page.evaluate('window.__taken')) as Taken;
    expect(taken.after).toEqual({ ...taken.before, inRoot: true });
    expect(await page.locator('#root').getAttribute('hidden')).toBeNull();
    expect(await page.locator('#server-copy').count()).toBe(0);
    await article.badge(1).waitFor();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows the app at once when the copy is of no use: a claim asked for by its address', async () => {
    await openPage();
    const payload = (await (await context.request.get(`/api/documents/${DOC}/first-paint`)).json()) as { highlights: { id: string }[] };
    const claim = payload.highlights[3].id;
    const response = await page.goto(`/articles/${DOC}?claim=${encodeURIComponent(claim)}`);
    expect(await response!.text()).toContain('<div id="server-copy"');
    await article.card(4).waitFor();
    expect(await article.highlightIsFocused(4)).toBe(true);
    expect(await page.locator('#server-copy').count()).toBe(0);
    expect(await page.locator('#root').getAttribute('hidden')).toBeNull();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows the sign-in page, not the copy, when the app finds no one signed in', async () => {
    await openPage();
    // The page was asked for with a session; by the time the app asks who is signed in, it has ended.
    await page.route('**/api/me', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: 'Sign in first.' }) }));
    const response = await page.goto(`/articles/${DOC}`);
    expect(await response!.text()).toContain('<div id="server-copy"');
    // Well before the app's last-resort 10 s (main.tsx): the app gave the copy up itself.
    await new SignInPage(page).submit.waitFor({ timeout: 5_000 });
    expect(await page.locator('#server-copy').count()).toBe(0);
    expect(await page.locator('#root').getAttribute('hidden')).toBeNull();
    expect(await page.locator('.claim-highlight').count()).toBe(0);
  }, 60_000);
});
