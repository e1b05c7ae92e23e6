/**
 * /open-early.js: a tiny classic script that index.html runs before the app's bundle has even
 * arrived (written by vite.config.ts, which puts the article page's chunks in ARTICLE_PAGE).
 * It asks who is signed in and, for an article opened by its address, for the article's
 * first-paint payload, and preloads the article page's code — at once, instead of after the
 * bundle, the sign-in check and the first render; the app picks the requests up
 * (api/early-requests.ts). It builds no UI and reads no answer: it only starts requests.
 * No imports: it is not a module.
 */
declare const ARTICLE_PAGE: string[];
export {}; // a module to TypeScript (ARTICLE_PAGE stays local); removed from the script

(() => {
  // Read by api/early-requests.ts, by path, once each.
  const requests: Record<string, { response: Promise<Response>; at: number }> = {};
  (globalThis as unknown as { __factdeskEarly?: unknown }).__factdeskEarly = requests;
  const early = (path: string) => {
    const response = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    // The app may never take it (nobody signed in): no unhandled rejection.
    response.catch(() => {});
    requests[path] = { response, at: performance.now() };
  };
  early('/api/me');
  const article = /^\/articles\/([^/?#]+)\/?$/.exec(location.pathname);
  if (!article) return;
  let docId: string;
  try {
    docId = decodeURIComponent(article[1]);
  } catch {
    return; // A malformed address: the app says "Page not found".
  }
  early(`/api/documents/${encodeURIComponent(docId)}/first-paint`);
  for (const href of ARTICLE_PAGE) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = ''; // as the app's own module scripts are fetched, so the preload is used
    link.href = href;
    document.head.append(link);
  }
})();
