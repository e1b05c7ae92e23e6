/**
 * Exporting an article from its page: the Export dialog works from the keyboard, the
 * annotated HTML it downloads opens from disk on its own (no requests, no dialogs, no axe
 * violations) with the claims marked and ClaimReview data for the signed-off one, the CSV
 * and JSON-LD downloads hold the claims, and claims stuffed with XSS vectors export to a file
 * that runs nothing. Claims are prepared over the collaboration socket by their authors and
 * signed off by a reviewer, as scripts would.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { ExportedFile } from './pages/exported-file.js';
import { findViolations, formatViolations } from './support/axe.js';
import { seedClaim, signOffClaim } from './support/claim-bot.js';
import type { Credentials } from './support/people.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

const SIGNED_OFF = {
  quote: '93 votes in favor, 18 against, and 65 abstentions',
  verdict: 'true',
  rationale: 'Matches the UN record of the vote.',
  sources: [{ url: 'https://press.un.org/en/2025/ga12685.doc.htm', title: 'UN press release' }],
} as const;
const DRAFT = { quote: 'a three-page document', verdict: 'mostly-true', rationale: 'Still checking the page count.' } as const;

/** A temporary folder for downloads, removed after the file's tests. */
function downloadFolder(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** Saves a download into `dir` under the name the app gave it; returns its path. */
async function save(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** The schema.org nodes of type `type` in the JSON-LD blocks (a block holds one node or an @graph). */
function nodesOfType(blocks: unknown[], type: string): Record<string, unknown>[] {
  const nodes = blocks.flatMap((block) => {
    const graph = (block as { '@graph'?: unknown[] })['@graph'];
    return Array.isArray(graph) ? graph : [block];
  }) as Record<string, unknown>[];
  return nodes.filter((node) => node['@type'] === type);
}

describe('exporting an article', () => {
  const suite = browserSuite();
  const folder = downloadFolder();
  let vera: Credentials;

  beforeAll(async () => {
    vera = await suite.addPerson('vera', 'viewer', 'Vera Viewer');
    const ana = await suite.addPerson('ana', 'annotator', 'Ana Annotator');
    const rita = await suite.addPerson('rita', 'reviewer', 'Rita Reviewer');
    const id = await seedClaim(suite.server, SEED_ARTICLE.id, ana, { ...SIGNED_OFF, sources: [...SIGNED_OFF.sources], status: 'in-review' });
    await signOffClaim(suite.server, SEED_ARTICLE.id, rita, id);
    await seedClaim(suite.server, SEED_ARTICLE.id, ana, DRAFT);
  });

  /** Opens the seed article as `who` (a viewer by default: any role may export) with both claims shown. */
  const openArticle = async (who: Credentials = vera, options?: { bypassCSP?: boolean }): Promise<Person> => {
    const person = await suite.signedIn(who, options);
    await person.article.open(SEED_ARTICLE.id);
    await person.article.card(2).waitFor();
    return person;
  };

  it('the Export dialog opens with Enter or Space, moves with the arrow keys and Tab, and Escape closes it', async () => {
    const { article, exportMenu: menu, page } = await openArticle();
    await menu.button.focus();
    await page.keyboard.press('Enter');
    await menu.dialog.waitFor();
    expect(await menu.button.getAttribute('aria-expanded')).toBe('true');
    expect(await article.isFocused(menu.formatOption('Annotated HTML')), 'focus on the chosen format').toBe(true);
    expect(await menu.formatOption('Annotated HTML').isChecked()).toBe(true);
    expect(await menu.includeOption('Signed-off claims only').isChecked(), 'signed-off claims only by default').toBe(true);

    await page.keyboard.press('ArrowDown');
    expect(await menu.formatOption('W3C Web Annotations (JSON-LD)').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await article.isFocused(menu.includeOption('Signed-off claims only')), 'Tab moves to the Include group').toBe(true);
    await page.keyboard.press('Tab');
    expect(await article.isFocused(menu.downloadButton), 'then to Download').toBe(true);

    await page.keyboard.press('Escape');
    await menu.dialog.waitFor({ state: 'detached' });
    expect(await article.isFocused(menu.button), 'Escape gives focus back to Export').toBe(true);
    expect(await menu.button.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press(' ');
    await menu.dialog.waitFor();
    expect(await menu.formatOption('W3C Web Annotations (JSON-LD)').isChecked(), 'the choice is kept').toBe(true);
    await page.keyboard.press('Escape');
    await menu.dialog.waitFor({ state: 'detached' });
  });

  it('the Export dialog has no accessibility violations', async () => {
    const { exportMenu: menu, page } = await openArticle(vera, { bypassCSP: true });
    await menu.open();
    const violations = await findViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('the annotated HTML with all claims opens from disk on its own, with the claims marked and ClaimReview for the signed-off one', async () => {
    const { exportMenu: menu } = await openArticle();
    const download = await menu.download('Annotated HTML', 'All claims, marked as not signed off');
    expect(download.suggestedFilename()).toBe(`${SEED_ARTICLE.id}.html`);
    const path = await save(download, folder());
    expect(await menu.dialog.count(), 'the dialog closes after the download').toBe(0);

    const file = await ExportedFile.open(suite.browser, path);
    try {
      expect(file.dialogs, 'dialogs opened by the file').toEqual([]);
      expect(file.requests, 'requests made by the file').toEqual([]);
      expect(await file.article.getByRole('heading', { level: 1 }).first().innerText()).toMatch(SEED_ARTICLE.title);
      // In reading order the draft is claim 1 and the signed-off claim is claim 2.
      expect(await file.markedText(1)).toContain(DRAFT.quote);
      expect(await file.markedText(2)).toContain(SIGNED_OFF.quote);
      const claims = await file.claimsSection.innerText();
      expect(claims).toContain(SIGNED_OFF.rationale);
      expect(claims).toContain('Signed off');
      expect(claims, 'the draft is marked as not signed off').toContain('Not signed off');
      expect(await file.claimsSection.getByRole('link', { name: 'UN press release' }).getAttribute('href')).toBe(SIGNED_OFF.sources[0].url);

      const reviews = nodesOfType(await file.jsonLd(), 'ClaimReview');
      expect(reviews, 'one ClaimReview: only the signed-off claim').toHaveLength(1);
      expect(reviews[0].claimReviewed).toBe(SIGNED_OFF.quote);
      expect(reviews[0].reviewRating).toMatchObject({ alternateName: 'True', ratingValue: 5, bestRating: 5, worstRating: 1 });

      const violations = await findViolations(file.page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await file.close();
    }
  });

  it('the CSV download holds the signed-off claim only, by default', async () => {
    const { exportMenu: menu } = await openArticle();
    const download = await menu.download('CSV', 'Signed-off claims only');
    expect(download.suggestedFilename()).toBe(`${SEED_ARTICLE.id}.csv`);
    const csv = readFileSync(await save(download, folder()), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0].toLowerCase()).toContain('quote');
    expect(csv).toContain(SIGNED_OFF.quote);
    expect(csv).toContain('Rita Reviewer');
    expect(csv).not.toContain(DRAFT.quote);
  });

  it('the W3C Web Annotations download holds every claim with its selectors', async () => {
    const { exportMenu: menu } = await openArticle();
    const download = await menu.download('W3C Web Annotations (JSON-LD)', 'All claims, marked as not signed off');
    expect(download.suggestedFilename()).toBe(`${SEED_ARTICLE.id}.jsonld`);
    const text = readFileSync(await save(download, folder()), 'utf8');
    const collection = JSON.parse(text) as { type?: unknown };
    expect(collection.type).toBe('AnnotationCollection');
    expect(text).toContain('TextQuoteSelector');
    expect(text).toContain(JSON.stringify(SIGNED_OFF.quote));
    expect(text).toContain(JSON.stringify(DRAFT.quote));
  });

  it("shows the server's refusal in the dialog instead of saving it as the file", async () => {
    const { exportMenu: menu, page } = await openArticle();
    // The one stand-in in this file: the server never refuses a valid export to a signed-in person.
    await page.route('**/api/documents/*/export?**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'The export service is busy.' }) }),
    );
    await menu.choose('CSV', 'Signed-off claims only');
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await menu.downloadButton.click();
    await menu.error.waitFor();
    expect(await menu.error.innerText()).toContain('The export service is busy.');
    expect(downloaded, 'nothing was downloaded').toBe(false);
    expect(await menu.dialog.isVisible(), 'the dialog stays open').toBe(true);
  });

  it('offline, Download is disabled with a note saying why', async () => {
    const { context, exportMenu: menu, article } = await openArticle();
    await context.setOffline(true);
    await article.connectionStatus.filter({ hasText: /Offline/ }).waitFor();
    await menu.open();
    expect(await menu.downloadButton.isDisabled()).toBe(true);
    expect(await menu.dialog.innerText()).toMatch(/once you are connected/);
    await context.setOffline(false);
    await article.connection.waitFor();
    expect(await menu.downloadButton.isEnabled(), 'enabled again once connected').toBe(true);
  });
});

describe('exporting claims that hold XSS vectors', () => {
  const suite = browserSuite();
  const folder = downloadFolder();
  const VECTORS = '<img src=x onerror=alert(1)> <script>alert(1)</script> "><svg onload=alert(1)>';
  let author: Credentials;

  beforeAll(async () => {
    author = await suite.addPerson('mallory', 'annotator', '"><svg onload=alert(1)>');
    const rita = await suite.addPerson('rita', 'reviewer', '<script>alert(1)</script>');
    const sources = [
      { url: 'https://example.org/?q="><script>alert(1)</script>&x=<img/src=x/onerror=alert(1)>', title: '<img src=x onerror=alert(1)>' },
      // javascript: is refused as a URL by the server's rules, so it goes where text is allowed.
      { url: 'https://example.org/"onmouseover="alert(1)', title: 'javascript:alert(1)' },
    ];
    const id = await seedClaim(suite.server, SEED_ARTICLE.id, author, { ...SIGNED_OFF, rationale: VECTORS, sources, status: 'in-review' });
    await signOffClaim(suite.server, SEED_ARTICLE.id, rita, id);
    await seedClaim(suite.server, SEED_ARTICLE.id, author, { ...DRAFT, rationale: `javascript:alert(1) ${VECTORS}`, sources });
  });

  it('the annotated HTML runs nothing and shows every vector as text', async () => {
    const person = await suite.signedIn(author);
    const appDialogs: string[] = [];
    person.page.on('dialog', (dialog) => {
      appDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await person.article.open(SEED_ARTICLE.id);
    await person.article.card(2).waitFor();
    const path = await save(await person.exportMenu.download('Annotated HTML', 'All claims, marked as not signed off'), folder());

    const file = await ExportedFile.open(suite.browser, path);
    try {
      expect(file.dialogs, 'dialogs opened by the file').toEqual([]);
      expect(file.requests, 'requests made by the file').toEqual([]);
      expect(await file.executableMarkup(), 'executable markup in the file').toEqual([]);
      const claims = await file.claimsSection.innerText();
      expect(claims, 'the rationale as text').toContain('<script>alert(1)</script>');
      expect(claims, "the author's name as text").toContain('"><svg onload=alert(1)>');
      expect(claims, 'a javascript: title as text').toContain('javascript:alert(1)');
      const reviews = nodesOfType(await file.jsonLd(), 'ClaimReview');
      expect(reviews).toHaveLength(1);
      // Hovering and focusing every link gives a smuggled handler its chance.
      for (const link of await file.page.getByRole('link').all()) await link.hover();
      expect(file.dialogs, 'dialogs after hovering the links').toEqual([]);
      const violations = await findViolations(file.page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await file.close();
    }
    expect(appDialogs, 'dialogs opened by the app').toEqual([]);
  });

  it('the CSV and JSON-LD downloads carry the vectors as plain data', async () => {
    const { article, exportMenu: menu } = await suite.signedIn(author);
    await article.open(SEED_ARTICLE.id);
    await article.card(2).waitFor();
    const csv = readFileSync(await save(await menu.download('CSV', 'All claims, marked as not signed off'), folder()), 'utf8');
    expect(csv).toContain('<script>alert(1)</script>');
    expect(csv).toContain('""><svg onload=alert(1)>'); // the name, its quote doubled (RFC 4180)
    const text = readFileSync(await save(await menu.download('W3C Web Annotations (JSON-LD)', 'All claims, marked as not signed off'), folder()), 'utf8');
    const collection = JSON.parse(text) as { type?: unknown };
    expect(collection.type).toBe('AnnotationCollection');
    expect(text).toContain(JSON.stringify(VECTORS).slice(1, -1));
  });
});
