/**
 * Olga fact-checks on a train. She opens the article once online; then the network goes.
 * She annotates a claim, the page says it is not sent yet, she reloads — the app, the article
 * and her claim are still there (service worker, remembered sign-in, IndexedDB copy). When the
 * network comes back the claim is sent, and Ben, in another browser, receives it. Signing
 * out leaves nothing of hers on the device.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listClaims } from '@factdesk/shared';
import { connectCollab } from '../server/src/testing/collab-client.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

const QUOTE = 'both the United States and Russia voted against';
const RATIONALE = 'Written on the train, without a network.';

describe('annotating offline', () => {
  const suite = browserSuite();
  let olga: Person;

  beforeAll(async () => {
    olga = await suite.signedIn(await suite.addPerson('olga', 'annotator', 'Olga Offline'));
    await olga.article.open(SEED_ARTICLE.id);
    // The one online visit: the service worker has installed the app and controls the page.
    await olga.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await olga.page.waitForFunction(() => !!navigator.serviceWorker.controller);
  });

  it('counts a claim made offline as not yet sent', async () => {
    await olga.context.setOffline(true);
    await olga.article.connectionStatus.filter({ hasText: 'Offline · all changes saved' }).waitFor();

    await olga.article.selectText(QUOTE);
    await olga.article.annotate({ verdict: 'true', rationale: RATIONALE });
    await olga.article.card(1).waitFor();
    await olga.article.connectionStatus.filter({ hasText: 'Offline · 1 change not yet sent' }).waitFor();
  });

  it('warns before the page is left with unsent changes, and after a reload offline the app and the claim are still there', async () => {
    const dialogs: string[] = [];
    olga.page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    const response = await olga.page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    expect(response?.fromServiceWorker(), 'the page came from the service worker').toBe(true);

    await olga.article.text.filter({ hasText: /\S/ }).waitFor();
    await olga.article.card(1).waitFor();
    expect(await olga.article.card(1).innerText()).toContain(RATIONALE);
    await olga.article.connectionStatus.filter({ hasText: 'Offline · 1 change not yet sent' }).waitFor();
    expect(olga.pageErrors).toEqual([]);

    // Really not sent: the server has no claim yet.
    const admin = await suite.admin();
    const watcher = connectCollab(suite.server.url, SEED_ARTICLE.id, admin.token);
    try {
      await watcher.synced();
      expect(listClaims(watcher.doc)).toEqual([]);
    } finally {
      watcher.destroy();
    }
  });

  it('sends the claim when the network returns, and another person receives it', async () => {
    await olga.context.setOffline(false);
    await olga.article.connection.waitFor();

    const ben = await suite.signedIn(await suite.addPerson('ben', 'annotator', 'Ben Baker'));
    await ben.article.open(SEED_ARTICLE.id);
    await ben.article.card(1).waitFor();
    expect(await ben.article.card(1).innerText()).toContain(RATIONALE);
    expect(await ben.article.card(1).innerText()).toContain('Olga Offline');
  });

  it('signing out forgets the offline copies, the remembered person and the article list', async () => {
    const offlineData = () =>
      olga.page.evaluate(async () => ({
        databases: (await indexedDB.databases()).map((db) => db.name).filter((name) => name?.startsWith('factdesk:')),
        remembered: Object.keys(localStorage).filter((key) => key.startsWith('factdesk:')),
      }));
    expect((await offlineData()).databases).toEqual([`factdesk:${SEED_ARTICLE.id}`]);
    await olga.header.signOut();
    await olga.signInPage.login.waitFor();
    await expect.poll(offlineData).toEqual({ databases: [], remembered: [] });
  });
});
