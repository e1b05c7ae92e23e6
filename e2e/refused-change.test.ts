/**
 * Anna annotates two claims on a train. Back online, the server refuses the second (the article
 * has reached its storage quota): she is told why, the refused claim goes, and the first — the
 * rest of her pending work — is kept, sent and seen by others.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listClaims } from '@factdesk/shared';
import { connectCollab } from '../server/src/testing/collab-client.js';
import { seededRoom } from '../server/src/testing/room-harness.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

const KEPT = 'Checked against the UN voting record.';
const REFUSED = 'r'.repeat(19_000);

/** The seed article's stored size, as a room counts it on load, plus room for one small claim and its stamps. */
function quotaForOneSmallClaim(): number {
  const closers: (() => void)[] = [];
  try {
    const { log } = seededRoom(closers);
    return log.load(SEED_ARTICLE.id).reduce((sum, part) => sum + part.byteLength, 0) + 12_000;
  } finally {
    closers.reverse().forEach((close) => close());
  }
}

describe('a change the server refuses', () => {
  const suite = browserSuite({ roomLimits: { maxDocumentBytes: quotaForOneSmallClaim() } });
  let anna: Person;

  beforeAll(async () => {
    anna = await suite.signedIn(await suite.addPerson('anna', 'annotator', 'Anna Lind'));
    await anna.article.open(SEED_ARTICLE.id);
    await anna.article.connection.waitFor();
  });

  it('is shown to its author, and the rest of their pending work survives', async () => {
    await anna.context.setOffline(true);
    await anna.article.connectionStatus.filter({ hasText: /^Offline/ }).waitFor();
    await anna.article.selectText('both the United States and Russia voted against');
    await anna.article.annotate({ verdict: 'true', rationale: KEPT });
    await anna.article.selectText('the U.S. resolution also passed');
    await anna.article.annotate({ verdict: 'mixed', rationale: REFUSED });
    await anna.article.connectionStatus.filter({ hasText: 'Offline · 2 changes not yet sent' }).waitFor();

    await anna.context.setOffline(false);
    await anna.page.getByText(/^Your change was not saved: this article has reached its storage limit/).first().waitFor();
    await anna.article.connection.waitFor();
    await expect.poll(() => anna.page.getByText(KEPT).count()).toBeGreaterThan(0);
    await expect.poll(() => anna.page.getByText(REFUSED).count()).toBe(0);

    const admin = await suite.admin();
    const watcher = connectCollab(suite.server.url, SEED_ARTICLE.id, admin.token);
    try {
      await watcher.synced();
      await watcher.until((doc) => listClaims(doc).some((c) => c.rationale === KEPT));
      expect(listClaims(watcher.doc).map((c) => c.rationale)).toEqual([KEPT]);
    } finally {
      watcher.destroy();
    }
    expect(anna.pageErrors).toEqual([]);
  });
});
