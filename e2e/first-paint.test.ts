/**
 * Fiona opens an article whose collaboration socket is held back (a slow or blocked
 * connection): the text and every claim's highlight, numbered, are there from the first-paint
 * payload anyway, and the claims list says it is still loading. When the socket gets through,
 * the live doc takes over in the same view — the badges already on the page stay (no rebuild),
 * and a claim written meanwhile by someone else shows, renumbering the ones after it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { seedClaim } from './support/claim-bot.js';
import type { Credentials } from './support/people.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

const FIRST = 'both the United States and Russia voted against';
const SECOND = '93 votes in favor';
/** Earlier in the text than both: it becomes claim 1 once the live doc has it. */
const MEANWHILE = 'Russia unite';

describe('the article painted before its doc has synced', () => {
  const suite = browserSuite();
  let rita: Credentials;
  let fiona: Person;
  let held: WebSocketRoute[] = [];
  let holding = true;

  beforeAll(async () => {
    rita = await suite.addPerson('rita', 'reviewer', 'Rita Reviewer');
    await seedClaim(suite.server, SEED_ARTICLE.id, rita, { quote: FIRST, verdict: 'false' });
    await seedClaim(suite.server, SEED_ARTICLE.id, rita, { quote: SECOND, verdict: 'true' });
    fiona = await suite.signedIn(await suite.addPerson('fiona', 'viewer', 'Fiona Viewer'));
    // While holding, the page's socket opens but never reaches the server: no sync, ever.
    await fiona.page.routeWebSocket(/\/collab\//, (socket) => {
      if (holding) held.push(socket);
      else socket.connectToServer();
    });
  });

  it('shows the text and every highlight, numbered, with the socket held back', async () => {
    await fiona.page.goto(`/articles/${SEED_ARTICLE.id}`);
    await fiona.article.badge(1).waitFor();
    expect(await fiona.article.badges.count()).toBe(2);
    expect(await fiona.article.badge(1).getAttribute('aria-label')).toBe('Claim 1: False');
    expect(await fiona.article.badge(2).getAttribute('aria-label')).toBe('Claim 2: True');
    // Each highlight starts where its claim's quote does (it may go on in further pieces).
    for (const [n, quote] of [FIRST, SECOND].entries()) {
      const start = await (await fiona.article.highlight(n + 1)).innerText();
      expect(start.length).toBeGreaterThan(0);
      expect(quote.startsWith(start)).toBe(true);
    }
    await fiona.page.getByRole('complementary', { name: 'Claims' }).getByText('Loading the claims…').waitFor();
    expect(held.length).toBeGreaterThan(0);
    expect(await fiona.article.connection.count()).toBe(0);
    expect(fiona.pageErrors).toEqual([]);
  });

  it('hands over to the live doc once it syncs: the same badges, renumbered, and the claim written meanwhile', async () => {
    const meanwhile = await seedClaim(suite.server, SEED_ARTICLE.id, rita, { quote: MEANWHILE, verdict: 'unverifiable' });
    const firstId = await fiona.article.claimId(1);
    // Marks the badge element itself: if the view were built again, the mark would be gone.
    await fiona.article.badge(1).evaluate((badge) => badge.setAttribute('data-test-mark', 'from-first-paint'));
    expect(await fiona.article.badges.count()).toBe(2);

    holding = false;
    for (const socket of held) await socket.close({ code: 4500, reason: 'let through' });
    held = [];
    await fiona.article.connection.waitFor();

    await fiona.article.badge(3).waitFor();
    expect(await fiona.article.claimId(1)).toBe(meanwhile);
    expect(await fiona.article.badge(1).getAttribute('aria-label')).toBe('Claim 1: Unverifiable');
    const first = fiona.page.locator(`.claim-badge[data-claim-id="${firstId}"]`);
    await expect.poll(() => first.getAttribute('aria-label')).toBe('Claim 2: False');
    expect(await first.getAttribute('data-test-mark')).toBe('from-first-paint');
    await fiona.article.card(3).waitFor();
    expect(await fiona.page.getByText('Loading the claims…').count()).toBe(0);
    expect(fiona.pageErrors).toEqual([]);
  });
});
