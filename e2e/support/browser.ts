/**
 * Launching and closing the system Chromium for browser tests. `npx playwright install`
 * cannot run on this machine, so playwright-core drives the distribution's Chromium; every
 * browser gets a fresh profile (launch() makes a temporary one) and is closed by the suite
 * even when a test fails.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Flags that work here: root without a sandbox, no GPU, and no calls home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long one browser action may wait before it fails (well under vitest's test timeout). */
export const ACTION_TIMEOUT_MS = 10_000;

/** Starts a headless Chromium with a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface ContextOptions {
  /** Lets a test inject scripts (axe-core) into pages whose policy allows scripts from 'self' only. */
  bypassCSP?: boolean;
}

/** A new isolated context (own cookies and storage, so its own person) on the app at `baseURL`. */
export async function newPersonContext(browser: Browser, baseURL: string, options: ContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, bypassCSP: options.bypassCSP ?? false, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  return { context, page };
}

/**
 * Things to close at the end of a suite, closed in reverse order of opening. Every close is
 * attempted even when an earlier one throws; the failures are reported together afterwards.
 */
export class Teardown {
  private readonly steps: { name: string; close: () => Promise<unknown> | unknown }[] = [];

  /** Remembers `close` to run at the end; returns `thing` for chaining. */
  add<T>(name: string, thing: T, close: (thing: T) => Promise<unknown> | unknown): T {
    this.steps.push({ name, close: () => close(thing) });
    return thing;
  }

  /** Closes everything, newest first. */
  async run(): Promise<void> {
    const failures: string[] = [];
    while (this.steps.length) {
      const step = this.steps.pop()!;
      try {
        await step.close();
      } catch (error) {
        failures.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length) throw new Error(`Teardown failed:\n${failures.join('\n')}`);
  }
}
