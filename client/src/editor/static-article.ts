/**
 * The static copy of a long article, painted before its ProseMirror view is made: the server
 * writes it with the first-paint payload (shared/src/highlights/static-html.ts, every text and
 * attribute escaped there), and the page only parses it, which costs a fraction of making the
 * view of thousands of claims. The view takes the copy's place once that frame is on screen
 * (ArticleView.tsx); the copy hears no clicks and has no badges meanwhile. Were the server's
 * escaping ever wrong, the page's policy still runs no inline script or event handler.
 */

/** The copy in an element like the view's (`.article-text`), not editable, marked busy. */
export function renderStaticArticle(html: string, document: Document): HTMLElement {
  const root = document.createElement('div');
  root.className = 'article-text article-text--static';
  root.setAttribute('aria-busy', 'true');
  root.setAttribute('aria-label', 'Article text');
  root.innerHTML = html;
  return root;
}
