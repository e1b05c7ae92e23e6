/**
 * Scenario 3 in the browser: the seed article with many claims opened in headless Chromium.
 * (1) Navigation → every claim's highlight painted: a fresh browser context (no offline copy,
 * no service worker yet) signs in and opens the article; paint-probe.js, injected before the
 * app, notes when the last claim badge is in the DOM and the next frame has been painted.
 * (2) A remote claim → its highlight painted: a bot (a real y-websocket client in Node)
 * creates claims one at a time; the probe notes when the websocket message carrying each
 * claim's id arrived and when its badge was painted. The server is the bench server, in its
 * own process. Needs the built client (dist/client): built here when missing.
 * BENCH_BROWSER_PROF=<dir> writes a CPU profile of the page for the last load
 * (page-load.cpuprofile: the first load also waits for the server to build the article's
 * first-paint payload, which it then keeps) and the remote claims (remote-claims.cpuprofile,
 * the load left out).
 * BENCH_BROWSER_TIMINGS=1 prints where each load's time went (requests, socket, the large
 * first-sync message, paint) and how many badge buttons the remote claims added.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { articleSchema, canonicalText, createClaim, personRef, readArticleVersion, targetFromRange, type Actor } from '@factdesk/shared';
import { connectCollab } from '../../server/src/testing/collab-client.js';
import { adminToken, BENCH_ADMIN_PASSWORD, BENCH_DOC_PREFIX, median, REPO, startBenchServer } from '../../server/bench/harness.js';
import { launchBrowser } from '../support/browser.js';

export interface PaintSize {
  claims: number;
  /** Page loads timed. */
  runs: number;
  /** Remote claims timed (on the last page load). */
  remoteClaims: number;
  /** Also note what each load's static copy (if any) and view showed (a test compares them; not timed). */
  signatures?: boolean;
}

/** What the article showed (paint-probe.js `signature`). */
export interface ArticleSignature {
  pieces: string[];
  text: string;
  blocks: string[];
}

export interface PaintResult extends PaintSize {
  /** Median ms from navigation start to all highlights painted, and each load's. */
  allPaintedMs: number;
  loads: number[];
  /** Median ms from navigation start to the editor view on screen (later than the highlights when a static copy was painted first), and each load's. */
  viewReadyMs: number;
  views: number[];
  /** With `signatures`: per load, the static copy painted first (null: the view painted at once) and the view. */
  shown?: { copy: ArticleSignature | null; view: ArticleSignature }[];
  /** Median ms from a remote claim's message arriving to its highlight painted, and each claim's. */
  remotePaintMs: number;
  remote: number[];
}

interface Probe {
  allPaintedAt: number | null;
  viewReadyAt: number | null;
  staticSignature?: ArticleSignature;
  viewSignature?: ArticleSignature;
  sockets: number[];
  largeMessages: { at: number; size: number }[];
  badgesAddedSince: number;
  remote: Record<string, number>;
  expect(id: string): void;
}

const PAGE_TIMEOUT_MS = 120_000;
/** What the probe logs once every highlight is painted: the load is over without the page being polled. */
const PAINTED_MESSAGE = 'factdesk-paint-probe: all highlights painted';
/** And once the editor view is on screen (at the same time, unless the article was painted as a static copy first). */
const VIEW_MESSAGE = 'factdesk-paint-probe: view ready';

function ensureBuiltClient(): void {
  if (existsSync(resolve(REPO, 'dist/client/index.html'))) return;
  const built = spawnSync('npx', ['vite', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npx vite build failed');
}

/** Times highlight painting of the seed article with `size.claims` claims. */
export async function measureHighlightPaint(size: PaintSize): Promise<PaintResult> {
  ensureBuiltClient();
  const probeSource = readFileSync(new URL('./paint-probe.js', import.meta.url), 'utf8')
    .replace('__EXPECTED__', String(size.claims))
    .replace('__PAINTED_MESSAGE__', PAINTED_MESSAGE)
    .replace('__VIEW_MESSAGE__', VIEW_MESSAGE)
    .replace('__SIGNATURES__', String(!!size.signatures));
  const server = await startBenchServer('checked', { rooms: 1, claims: size.claims });
  const browser = await launchBrowser();
  const docId = `${BENCH_DOC_PREFIX}0`;
  try {
    const token = await adminToken(server.url);
    const me = ((await (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: Actor }).user;
    const loads: number[] = [];
    const views: number[] = [];
    const shown: { copy: ArticleSignature | null; view: ArticleSignature }[] = [];
    const remote: number[] = [];
    for (let run = 0; run < size.runs; run++) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
      try {
        await context.request.post('/api/session', { data: { login: 'admin', password: BENCH_ADMIN_PASSWORD } });
        const page = await context.newPage();
        await page.addInitScript({ content: probeSource });
        const profiler = run === size.runs - 1 ? await startProfiler(page) : null;
        const heard = (text: string) => page.waitForEvent('console', { predicate: (message) => message.text() === text, timeout: PAGE_TIMEOUT_MS });
        const [allPainted, viewReady] = [heard(PAINTED_MESSAGE), heard(VIEW_MESSAGE)];
        await page.goto(`/articles/${docId}`);
        await Promise.all([allPainted, viewReady]);
        const probe = () => page.evaluate(() => (globalThis as unknown as { __paintProbe: Probe }).__paintProbe);
        const painted = await probe();
        loads.push(painted.allPaintedAt!);
        views.push(painted.viewReadyAt!);
        if (size.signatures) shown.push({ copy: painted.staticSignature ?? null, view: painted.viewSignature! });
        if (process.env.BENCH_BROWSER_TIMINGS) await printTimings(page, painted);
        if (run === size.runs - 1) {
          // The highlights come first (the first-paint payload); the Y.Doc syncs behind them.
          const liveAt = await liveDocTookOver(page);
          if (process.env.BENCH_BROWSER_TIMINGS) console.log(`the live doc took over by ${Math.round(liveAt)} ms`);
          await profiler?.save('page-load');
          await profiler?.start();
          remote.push(...(await timeRemoteClaims(page, server.url, docId, token, me, size.remoteClaims)));
          if (process.env.BENCH_BROWSER_TIMINGS) console.log(`badge buttons added during the remote claims: ${(await probe()).badgesAddedSince}`);
          await expectClaimsDrawn(page, size.claims + size.remoteClaims);
          await profiler?.save('remote-claims');
        }
      } finally {
        await context.close();
      }
    }
    return { ...size, allPaintedMs: median(loads), loads, viewReadyMs: median(views), views, ...(size.signatures ? { shown } : {}), remotePaintMs: median(remote), remote };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** With BENCH_BROWSER_PROF set: Chromium's JavaScript profiler on `page`, saved as <dir>/<name>.cpuprofile. */
async function startProfiler(page: import('playwright-core').Page) {
  const dir = process.env.BENCH_BROWSER_PROF;
  if (!dir) return null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return {
    /** Starts again after `save` (the remote claims' profile leaves out the page load). */
    async start() {
      await cdp.send('Profiler.start');
    },
    async save(name: string) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    },
  };
}

/** What the page functions below use of the page (this file is also compiled without the DOM library, for the bench). */
interface PageGlobals {
  performance: {
    getEntriesByType(type: string): { name: string; startTime: number; responseStart: number; responseEnd: number; domInteractive: number; domContentLoadedEventStart: number }[];
  };
  location: { origin: string };
  document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> };
}

/** With BENCH_BROWSER_TIMINGS set: when the page and its requests arrived, and the socket's large messages. */
async function printTimings(page: import('playwright-core').Page, probe: Probe): Promise<void> {
  const requests = await page.evaluate(() => {
    const win = globalThis as unknown as PageGlobals;
    const [nav] = win.performance.getEntriesByType('navigation');
    const r = Math.round;
    return [
      `${r(nav.responseStart)}–${r(nav.responseEnd)} ms the page (parsed by ${r(nav.domInteractive)} ms, its scripts run by ${r(nav.domContentLoadedEventStart)} ms)`,
      ...win.performance.getEntriesByType('resource').map((e) => `${r(e.startTime)}–${r(e.responseEnd)} ms ${e.name.replace(win.location.origin, '')}`),
    ];
  });
  const drawn = await page.evaluate(() => {
    const win = globalThis as unknown as PageGlobals;
    return `${win.document.querySelectorAll('.claim-highlight').length} highlight pieces, ${win.document.querySelectorAll('.claim-badge').length} badges`;
  });
  const messages = probe.largeMessages.map((m) => `${Math.round(m.at)} ms (${(m.size / 1e6).toFixed(1)} MB)`);
  console.log(
    [`requests:`, ...requests, `sockets opened: ${probe.sockets.map(Math.round).join(', ')} ms`, `large messages: ${messages.join(', ')}`, `painted: ${Math.round(probe.allPaintedAt!)} ms`, `drawn: ${drawn}`].join('\n  '),
  );
}

/**
 * Waits until the page's Y.Doc has synced and taken over from the first-paint payload (the
 * claims list stops saying it is loading); returns when that was seen, on the page's clock.
 * The remote claims are timed from then on, not while the page is still applying the first sync.
 */
async function liveDocTookOver(page: import('playwright-core').Page): Promise<number> {
  const seen = await page.waitForFunction(
    () => {
      const win = globalThis as unknown as PageGlobals & { performance: { now(): number } };
      return win.document.querySelectorAll('.claim-card').length > 0 && win.document.querySelectorAll('.article-aside .article-loading').length === 0 && win.performance.now();
    },
    null,
    { timeout: PAGE_TIMEOUT_MS, polling: 50 },
  );
  return (await seen.jsonValue()) as number;
}

/**
 * The figures count only if the page drew the claims right: once it has settled, the highlight
 * of every one of `count` claims starts in the text, and the badges drawn (those near the
 * viewport) carry distinct numbers from 1 to `count` (renumbering after a remote claim
 * finishes in later tasks).
 */
async function expectClaimsDrawn(page: import('playwright-core').Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const win = globalThis as unknown as PageGlobals;
      const starting = new Set<string>();
      for (const piece of Array.from(win.document.querySelectorAll('[data-claims-starting]'))) for (const id of piece.getAttribute('data-claims-starting')!.split(' ')) starting.add(id);
      const numbers = Array.from(win.document.querySelectorAll('.claim-badge'), (b) => Number(/^Claim (\d+):/.exec(b.getAttribute('aria-label') ?? '')?.[1]));
      const distinct = new Set(numbers).size === numbers.length;
      return starting.size === expected && numbers.length > 0 && distinct && numbers.every((n) => n >= 1 && n <= expected);
    },
    count,
    { timeout: 20_000, polling: 200 },
  );
}

/** A bot creates `count` claims one after the other; resolves with each one's arrival → paint time in the page. */
async function timeRemoteClaims(
  page: import('playwright-core').Page,
  url: string,
  docId: string,
  token: string,
  me: Actor,
  count: number,
): Promise<number[]> {
  const bot = connectCollab(url, docId, token);
  try {
    await bot.until((doc) => readArticleVersion(doc) !== null, PAGE_TIMEOUT_MS);
    const text = canonicalText(articleSchema.nodeFromJSON(readArticleVersion(bot.doc)!.doc));
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = `remote-${i}-${Date.now()}`;
      await page.evaluate((claimId) => (globalThis as unknown as { __paintProbe: Probe }).__paintProbe.expect(claimId), id);
      const start = Math.floor(((i + 0.5) / count) * (text.length - 40));
      const target = targetFromRange(text, start, start + 30, 1);
      createClaim(bot.doc, personRef(me), { target, verdict: 'mostly-true', rationale: `remote ${i}`, sources: [] }, id);
      await page.waitForFunction((claimId) => (globalThis as unknown as { __paintProbe: Probe }).__paintProbe.remote[claimId] !== undefined, id, {
        timeout: PAGE_TIMEOUT_MS,
        polling: 20,
      });
      times.push(await page.evaluate((claimId) => (globalThis as unknown as { __paintProbe: Probe }).__paintProbe.remote[claimId], id));
      await new Promise((r) => setTimeout(r, 100)); // let the page settle between claims
    }
    return times;
  } finally {
    bot.destroy();
  }
}
