/**
 * The verdict colours as one style sheet (`--v` per `.verdict-<id>` highlight piece and badge),
 * so the thousands of pieces and badges of a heavily annotated article carry no inline style
 * each. The colours stay defined once, in the shared verdict scale.
 */
import { VERDICTS } from '@factdesk/shared';

const adopted = new WeakSet<Document>();

/** Adds the verdict colours to `doc` once (a constructed sheet: no inline style for the CSP to weigh). */
export function adoptVerdictColours(doc: Document): void {
  if (adopted.has(doc) || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  adopted.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(VERDICTS.map((v) => `.claim-highlight.verdict-${v.id}, .claim-badge.verdict-${v.id} { --v: ${v.colour}; }`).join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
