/**
 * When the server ends a session — the admin deactivates the person, or they sign out on
 * another device — the browser wipes everything it kept for them (the articles' offline
 * copies, who they were, the article list) and shows the sign-in form: the next person to use
 * this browser finds nothing of theirs.
 */
import { describe, expect, it } from 'vitest';
import { DeviceData } from './pages/device-data.js';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';

describe('a session the server ends', () => {
  const suite = browserSuite();

  /** Someone signed in at a browser with the seed article open and its offline copy written. */
  async function withArticleOpen(login: string, name: string) {
    const credentials = await suite.addPerson(login, 'annotator', name);
    const person = await suite.signedIn(credentials);
    await person.article.open(SEED_ARTICLE.id);
    const device = new DeviceData(person.page);
    await expect.poll(async () => (await device.kept()).databases).toEqual([`factdesk:${SEED_ARTICLE.id}`]);
    return { credentials, person, device };
  }

  const wipedAndAskedToSignIn = async (person: Person, device: DeviceData) => {
    await person.signInPage.login.waitFor();
    await expect.poll(() => device.kept()).toEqual({ databases: [], remembered: [] });
    expect(person.pageErrors).toEqual([]);
  };

  it('wipes the offline copies and shows sign-in when the admin deactivates the person', async () => {
    const { credentials, person, device } = await withArticleOpen('dora', 'Dora Deactivated');
    const admin = await suite.admin();
    const answer = await fetch(`${suite.server.url}/api/users/${credentials.user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ active: false }),
    });
    expect(answer.status).toBe(200);
    await wipedAndAskedToSignIn(person, device);
  });

  it('wipes the offline copies and shows sign-in when the session is signed out elsewhere', async () => {
    const { person, device } = await withArticleOpen('sam', 'Sam Elsewhere');
    const session = (await person.context.cookies()).find((cookie) => cookie.name === 'factdesk_session');
    expect(session).toBeDefined();
    const answer = await fetch(`${suite.server.url}/api/session`, { method: 'DELETE', headers: { cookie: `factdesk_session=${session!.value}` } });
    expect(answer.status).toBe(200);
    await wipedAndAskedToSignIn(person, device);

    // The next person at this browser starts with nothing of Sam's.
    const next = await suite.addPerson('nina', 'annotator', 'Nina Next');
    await person.signInPage.signIn(next.login, next.password);
    await person.articles.row(SEED_ARTICLE.title).waitFor();
    expect((await device.kept()).databases).toEqual([]);
  });
});
