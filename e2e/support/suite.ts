/**
 * One browser test suite's world: a real server on a fresh data directory, one Chromium, and
 * people, each in their own browser context (own cookies, own storage) with page objects.
 * Call `browserSuite()` inside a `describe`; it registers the hooks that start everything and
 * close all of it afterwards, whether the tests passed or not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '@factdesk/shared';
import { loadConfig } from '../../server/src/config.js';
import { startServerUnderTest, type ServerUnderTest } from '../../server/src/testing/server-under-test.js';
import { AppHeader } from '../pages/app-header.js';
import { ArticleListPage } from '../pages/article-list-page.js';
import { ArticlePage } from '../pages/article-page.js';
import { ExportMenu } from '../pages/export-menu.js';
import { SignInPage } from '../pages/sign-in-page.js';
import { TeamPage } from '../pages/team-page.js';
import { launchBrowser, newPersonContext, Teardown, type ContextOptions } from './browser.js';
import { addPerson, adminCredentials, type Credentials } from './people.js';

/** The article every fresh server imports from seeds/. */
export const SEED_ARTICLE = {
  id: 'us-russia-un-resolution',
  title: /^U\.S\. and Russia unite to Oppose UN Resolution/,
} as const;

/** Someone at a browser: their context and page, and the page objects over it. */
export interface Person {
  context: BrowserContext;
  page: Page;
  signInPage: SignInPage;
  header: AppHeader;
  articles: ArticleListPage;
  article: ArticlePage;
  /** The article page's Export button and dialog. */
  exportMenu: ExportMenu;
  team: TeamPage;
  /** Uncaught errors in the page, to explain a failure. */
  pageErrors: string[];
}

export interface BrowserSuite {
  readonly server: ServerUnderTest;
  readonly browser: Browser;
  /** Adds a person with this role (as the admin); `name` is what others see. */
  addPerson(login: string, role: Role, name: string): Promise<Credentials>;
  admin(): Promise<Credentials>;
  /** A new browser context on the app, nobody signed in. */
  visitor(options?: ContextOptions): Promise<Person>;
  /** A new browser context in which `who` signed in through the sign-in form. */
  signedIn(who: Credentials, options?: ContextOptions): Promise<Person>;
}

function assertClientBuilt(): void {
  const index = join(loadConfig({}).clientDir, 'index.html');
  if (!existsSync(index)) throw new Error(`The client is not built (${index} is missing): run \`npx vite build\` first.`);
}

/** Registers beforeAll/afterAll for a suite with a server and a browser; use inside `describe`. */
export function browserSuite(serverOptions: Parameters<typeof startServerUnderTest>[1] = {}): BrowserSuite {
  const teardown = new Teardown();
  let server: ServerUnderTest | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    assertClientBuilt();
    server = teardown.add('server', await startServerUnderTest(undefined, serverOptions), (s) => s.dispose());
    browser = teardown.add('browser', await launchBrowser(), (b) => b.close());
  });
  afterAll(() => teardown.run());

  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('The server is not started (did beforeAll fail?)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not started (did beforeAll fail?)');
      return browser;
    },
    addPerson: (login, role, name) => addPerson(suite.server, login, role, name),
    admin: () => adminCredentials(suite.server),
    async visitor(options) {
      const { context, page } = await newPersonContext(suite.browser, suite.server.url, options);
      teardown.add('browser context', context, (c) => c.close());
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return {
        context,
        page,
        signInPage: new SignInPage(page),
        header: new AppHeader(page),
        articles: new ArticleListPage(page),
        article: new ArticlePage(page),
        exportMenu: new ExportMenu(page),
        team: new TeamPage(page),
        pageErrors,
      };
    },
    async signedIn(who, options) {
      const person = await suite.visitor(options);
      await person.signInPage.open();
      await person.signInPage.signIn(who.login, who.password);
      if (await person.signInPage.error.count()) {
        throw new Error(`${who.login} could not sign in: ${await person.signInPage.error.first().innerText()}`);
      }
      return person;
    },
  };
  return suite;
}
