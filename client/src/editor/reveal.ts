/**
 * Bringing a claim into view on either side of the page: its badge in the article text or its
 * card in the sidebar. Found by data attributes, so neither side needs a reference to the other.
 */

/** Smooth scrolling, unless the reader asked for less motion. */
function behavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

function byData(root: ParentNode, attribute: string, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(id)}"]`);
}

/** Scrolls the claim's badge in the article into view and focuses it. */
export function revealClaimInText(root: ParentNode, id: string): boolean {
  const badge = byData(root, 'data-claim-id', id);
  if (!badge) return false;
  badge.scrollIntoView({ block: 'center', behavior: behavior() });
  badge.focus({ preventScroll: true });
  return true;
}

/** Scrolls the claim's card in the sidebar into view and focuses it. */
export function revealClaimCard(root: ParentNode, id: string): boolean {
  const card = byData(root, 'data-card-id', id);
  if (!card) return false;
  card.scrollIntoView({ block: 'nearest', behavior: behavior() });
  card.focus({ preventScroll: true });
  return true;
}

/** Follows an in-article link ("#section"): scrolls to the element with that id and moves focus there. */
export function followInPageLink(root: ParentNode, href: string): boolean {
  let id: string;
  try {
    id = decodeURIComponent(href.slice(1));
  } catch {
    return false;
  }
  const target = id ? root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) : null;
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start', behavior: behavior() });
  target.focus({ preventScroll: true });
  history.replaceState(history.state, '', `#${encodeURIComponent(id)}`);
  return true;
}
