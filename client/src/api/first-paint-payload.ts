/**
 * What the article page reads of a first-paint payload (first-paint.ts), checked field by
 * field: it comes from the network, and it is drawn straight into the page. Only the shapes
 * the view needs pass — the version's ProseMirror document (through the article schema) and,
 * per claim, an id, a number, a known verdict and positions inside that document; anything
 * else makes the whole payload unusable, and the page waits for the Y.Doc as before. A long
 * article's static copy is HTML the server wrote and escaped; it is only ever painted with the
 * payload's own document and highlights, until the view made from them replaces it.
 */
import type { Node } from 'prosemirror-model';
import { articleSchema, buildTextIndex, VERDICT_IDS, type ArticleMeta, type TextIndex, type VerdictId } from '@factdesk/shared';
import type { Highlight } from '../editor/highlight-decorations.js';

/** A payload ready to draw: the version on screen until the Y.Doc takes over. */
export interface FirstPaintArticle {
  meta: ArticleMeta;
  version: number;
  textHash: string;
  doc: Node;
  index: TextIndex;
  /** Claims in reading order, numbered as the Y.Doc's claims will be. */
  highlights: Highlight[];
  /** A long article's static copy with these highlights (shared/src/highlights/static-html.ts), painted before the view is made. */
  staticHtml?: string;
}

/** Longer than any id the app or a re-import writes. */
const MAX_ID_LENGTH = 512;
const verdicts = new Set<string>(VERDICT_IDS);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : -1);

function readMeta(value: unknown, version: number): ArticleMeta {
  const meta = isObject(value) ? value : {};
  return { title: text(meta.title), sourceUrl: text(meta.sourceUrl), publisher: text(meta.publisher), publishedAt: text(meta.publishedAt), currentVersion: version };
}

/** The highlights, or null if any is malformed, points outside the document or repeats an id. */
function readHighlights(value: unknown, size: number, claimCount: number): Highlight[] | null {
  if (!Array.isArray(value) || value.length > claimCount) return null;
  const ids = new Set<string>();
  const highlights: Highlight[] = [];
  for (const item of value as unknown[]) {
    if (!isObject(item)) return null;
    const { id, number, verdict, from, to } = item;
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH || ids.has(id)) return null;
    if (typeof verdict !== 'string' || !verdicts.has(verdict)) return null;
    const [n, start, end] = [count(number), count(from), count(to)];
    if (n < 1 || n > claimCount || start < 0 || end <= start || end > size) return null;
    ids.add(id);
    highlights.push({ id, number: n, verdict: verdict as VerdictId, from: start, to: end });
  }
  return highlights;
}

/** The payload of `docId` as the page draws it; null when it is unusable or the article has no text yet. */
export function readFirstPaint(value: unknown, docId: string): FirstPaintArticle | null {
  if (!isObject(value) || value.documentId !== docId || !isObject(value.version)) return null;
  const { version, textHash, doc: json } = value.version;
  const number = count(version);
  if (number < 1 || typeof textHash !== 'string' || !isObject(json) || json.type !== 'doc') return null;
  let doc: Node;
  try {
    doc = articleSchema.nodeFromJSON(json);
    doc.check();
  } catch {
    return null;
  }
  const claimCount = count(value.claimCount);
  const highlights = readHighlights(value.highlights, doc.content.size, claimCount);
  if (!highlights) return null;
  const staticHtml = typeof value.staticHtml === 'string' && value.staticHtml ? { staticHtml: value.staticHtml } : {};
  return { meta: readMeta(value.meta, number), version: number, textHash, doc, index: buildTextIndex(doc), highlights, ...staticHtml };
}
