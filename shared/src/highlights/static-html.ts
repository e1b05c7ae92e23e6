/**
 * The static copy of a long article with its highlights, as HTML: what the browser paints
 * before it has made the ProseMirror view, which takes its place a frame later
 * (client/src/editor/static-article.ts). Making the view of ten thousand claims holds the
 * page's main thread for 250–400 ms; this is written by the server, once per change of the
 * article's first-paint payload (server/src/http/first-paint.ts), and the page only parses it.
 *
 * The copy is the view's DOM without the editor: the same document (with its chunk runs,
 * view-doc.ts), each block and mark written from the schema's own `toDOM`, marks kept open
 * across neighbouring text as ProseMirror does, and the same highlight pieces with the same
 * attributes (pieces.ts) innermost, where the view wraps text. So nothing moves when the view
 * replaces it. It has no badges (on a long article the view draws them as blocks come near the
 * viewport).
 *
 * Every text and attribute value is escaped: the article's text and claim ids come from people.
 * Tag and attribute names come from the schema's code.
 */
import type { DOMOutputSpec, Mark, Node } from 'prosemirror-model';
import { escapeHtml } from '../export/escape.js';
import { highlightPieces, pieceAttrs, validHighlights, type Highlight, type HighlightPiece } from './pieces.js';

/** Articles with more drawn claims than this get a static copy (below it, the view is made about as fast). */
export const STATIC_COPY_FROM = 500;

/** A DOM output spec as the HTML before and after its content hole (the hole is `0`, as in ProseMirror). */
function specHtml(spec: DOMOutputSpec): [string, string] {
  if (typeof spec === 'string') return [escapeHtml(spec), ''];
  if (!Array.isArray(spec)) throw new Error('The static copy writes array output specs only.');
  const [tag, ...rest] = spec as unknown as readonly [string, ...unknown[]];
  let open = `<${tag}`;
  let start = 0;
  const attrs = rest[0];
  if (attrs && typeof attrs === 'object' && !Array.isArray(attrs)) {
    start = 1;
    for (const [name, value] of Object.entries(attrs as Record<string, unknown>)) if (value != null) open += ` ${name}="${escapeHtml(String(value))}"`;
  }
  open += '>';
  let before = open;
  let after = '';
  let hole = false;
  for (const child of rest.slice(start)) {
    if (child === 0) hole = true;
    else {
      const [childOpen, childClose] = specHtml(child as DOMOutputSpec);
      if (hole) after += childOpen + childClose;
      else before += childOpen + childClose;
    }
  }
  return [before, `${after}</${tag}>`];
}

/** A mark as drawn around text: a real mark, or a highlight piece (always innermost). */
type Wrap = Mark | HighlightPiece;

const sameWrap = (a: Wrap, b: Wrap) => a === b || ('eq' in a && 'eq' in b && a.eq(b));

function wrapHtml(wrap: Wrap): [string, string] {
  return specHtml('eq' in wrap ? wrap.type.spec.toDOM!(wrap, true) : ['span', pieceAttrs(wrap), 0]);
}

/** Writes a textblock's content, cutting its text where pieces start and end and keeping marks open across neighbours. */
class InlineWriter {
  private next = 0;
  private html = '';
  private open: { wrap: Wrap; close: string }[] = [];

  constructor(private readonly pieces: readonly HighlightPiece[]) {}

  block(node: Node, pos: number): string {
    this.html = '';
    node.forEach((child, offset) => {
      if (!child.isText) throw new Error('The static copy writes text-only textblocks.');
      this.text(child.text!, pos + 1 + offset, child.marks);
    });
    this.closeTo(0);
    return this.html;
  }

  private text(text: string, pos: number, marks: readonly Mark[]): void {
    const end = pos + text.length;
    while (this.next < this.pieces.length && this.pieces[this.next].to <= pos) this.next++;
    let at = pos;
    for (let i = this.next; i < this.pieces.length && this.pieces[i].from < end; i++) {
      const piece = this.pieces[i];
      const from = Math.max(piece.from, pos);
      const to = Math.min(piece.to, end);
      if (from > at) this.write(text.slice(at - pos, from - pos), marks, null);
      this.write(text.slice(from - pos, to - pos), marks, piece);
      at = to;
    }
    if (at < end) this.write(text.slice(at - pos), marks, null);
  }

  /** `text` inside `marks` and, innermost, `piece`. */
  private write(text: string, marks: readonly Mark[], piece: HighlightPiece | null): void {
    const depth = marks.length + (piece ? 1 : 0);
    const wrapAt = (i: number): Wrap => (i < marks.length ? marks[i] : piece!);
    let keep = 0;
    while (keep < this.open.length && keep < depth && sameWrap(this.open[keep].wrap, wrapAt(keep))) keep++;
    this.closeTo(keep);
    for (let i = keep; i < depth; i++) {
      const wrap = wrapAt(i);
      const [open, close] = wrapHtml(wrap);
      this.html += open;
      this.open.push({ wrap, close });
    }
    this.html += escapeHtml(text);
  }

  private closeTo(depth: number): void {
    while (this.open.length > depth) this.html += this.open.pop()!.close;
  }
}

/** `node`'s children (at `pos`, the position before `node`) as HTML. */
function contentHtml(node: Node, pos: number, inline: InlineWriter): string {
  // An empty textblock holds a line in the view (ProseMirror puts a break in it): the same here.
  if (node.isTextblock) return node.content.size ? inline.block(node, pos) : '<br>';
  let html = '';
  node.forEach((child, offset) => {
    const [open, close] = specHtml(child.type.spec.toDOM!(child));
    html += open + contentHtml(child, pos + 1 + offset, inline) + close;
  });
  return html;
}

/** The HTML of `doc` (in the view's schema, as the view will show it) with `highlights` drawn as the view draws them. */
export function staticArticleHtml(doc: Node, highlights: readonly Highlight[], focusedId: string | null): string {
  const pieces = highlightPieces(validHighlights(doc, highlights), focusedId);
  return contentHtml(doc, -1, new InlineWriter(pieces));
}
