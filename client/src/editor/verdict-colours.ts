/**
 * The verdict colours (shared `verdictColourCss`) as one adopted style sheet. The colours stay
 * defined once, in the shared verdict scale.
 */
import { verdictColourCss } from '@factdesk/shared';

const adopted = new WeakSet<Document>();

/** Adds the verdict colours to `doc` once (a constructed sheet: no inline style for the CSP to weigh). */
export function adoptVerdictColours(doc: Document): void {
  if (adopted.has(doc) || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  adopted.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(verdictColourCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
