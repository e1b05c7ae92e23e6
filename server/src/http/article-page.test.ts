import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_COPY_FROM } from '@factdesk/shared';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { claimFirstWords } from '../testing/long-article.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { pageWithCopy } from './article-page.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const INDEX = '<!doctype html>\n<html><head><title>Factdesk</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>\n';
const LONG = 'long-article';
const SHORT = 'short-article';

describe('an article page served with its static copy', () => {
  let t: TestServer;
  let token: string;
  let client: CollabClient;
  const page = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });
  const signedIn = () => ({ cookie: `factdesk_session=${token}` });

  beforeAll(async () => {
    t = await startTestServer({ seeds: { [`${LONG}.txt`]: seed, [`${SHORT}.txt`]: seed }, clientFiles: { 'index.html': INDEX } });
    token = await t.adminToken();
    const me = (await t.call('/api/me', { token })).body.user;
    client = connectCollab(t.url, LONG, token);
    await client.synced();
    claimFirstWords(client.doc, { id: me.id, name: me.name }, STATIC_COPY_FROM + 20);
    // The server has the claims once its payload draws them.
    for (const until = Date.now() + 5_000; ; await new Promise((r) => setTimeout(r, 50))) {
      const { body } = await t.call(`/api/documents/${LONG}/first-paint`, { token });
      if (body.highlights.length > STATIC_COPY_FROM) break;
      if (Date.now() > until) throw new Error('the claims never reached the server');
    }
  });

  afterAll(async () => {
    client?.destroy();
    await t?.close();
  });

  it("holds the payload's own copy in a still shell, with the app's root hidden, for the person signed in only", async () => {
    const { body: payload } = await t.call(`/api/documents/${LONG}/first-paint`, { token });
    const res = await page(`/articles/${LONG}`, signedIn());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toBe('Cookie');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain(
      `<div id="server-copy" class="server-copy" data-document-id="${LONG}" data-version="${payload.version.version}" data-text-hash="${payload.version.textHash}">`,
    );
    // The marker after the copy shows it once it has all been parsed (client/src/styles.css).
    expect(html).toContain(
      `<div class="article-text article-text--static" aria-busy="true" aria-label="Article text">${payload.staticHtml}</div><span class="server-copy-end" hidden></span>`,
    );
    expect(html).toContain('<div id="root" hidden></div>');
    expect(html).not.toContain('<div id="root"></div>');
    // The rest of index.html is as built: the app's script still loads.
    expect(html.startsWith('<!doctype html>\n<html><head><title>Factdesk</title></head><body>')).toBe(true);
    expect(html).toContain('<script type="module" src="/assets/app.js"></script>');
  });

  it('is the plain index.html for anyone not signed in, a missing article, a short one, or another address', async () => {
    const plain = async (path: string, headers?: Record<string, string>) => {
      const res = await page(path, headers);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
    };
    await plain(`/articles/${LONG}`);
    await plain(`/articles/${LONG}`, { cookie: 'factdesk_session=not-a-session' });
    await plain('/articles/no-such-article', signedIn());
    await plain(`/articles/${SHORT}`, signedIn());
    await plain(`/articles/${LONG}/history`, signedIn());
    await plain('/team', signedIn());
    // A malformed address stays the static files' 400.
    expect((await page('/articles/%E0%A4%A', signedIn())).status).toBe(400);
  });

  it('answers HEAD with the headers alone', async () => {
    const res = await fetch(`${t.url}/articles/${LONG}`, { method: 'HEAD', headers: signedIn() });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(INDEX.length + 10_000);
    expect(await res.text()).toBe('');
  });
});

describe('pageWithCopy', () => {
  const copy = { version: 2, textHash: 'h"><script>alert(1)</script>', html: '<p>text</p>' };

  it('escapes what it adds to the page', () => {
    const html = pageWithCopy(INDEX, 'a"b<c>&', copy)!;
    expect(html).toContain('data-document-id="a&quot;b&lt;c&gt;&amp;"');
    expect(html).toContain('data-text-hash="h&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('gives up on an index.html without the app\'s root', () => {
    expect(pageWithCopy('<html><body><main></main></body></html>', 'doc', copy)).toBeNull();
  });
});
