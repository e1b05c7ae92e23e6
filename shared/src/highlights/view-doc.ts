/**
 * The article as the view draws it: the same document, with the text of densely annotated
 * blocks cut into short runs, each wrapped in a mark of its own (`chunk`, a bare span). Why:
 * when a new highlight adds a cut inside a paragraph, ProseMirror's view updater hands each
 * following text view to the next piece in turn (one piece more than before, so every later
 * piece takes its neighbour's view) and destroys the badges in between: the rest of the
 * paragraph is rewritten and its badges rebuilt. The updater starts afresh inside each mark,
 * so in a block cut into runs a new claim rewrites at most the rest of the runs it cuts.
 * Blocks with few badges are left whole (a re-sync there costs little, and a lone claim's
 * text stays one element). Positions and text are unchanged: only the view's document
 * carries the chunks.
 */
import { Fragment, Schema, type Mark, type MarkType, type Node } from 'prosemirror-model';
import { articleSchema } from '../schema.js';

/** Runs end at the first space after this many characters (or, without one, a little later). */
export const CHUNK_LENGTH = 32;
const HARD_LIMIT = CHUNK_LENGTH * 2;

/** A textblock with at least this many badges (claims starting in it) when the view is made is cut into runs. */
export const DENSE_FROM = 24;

/** The article schema with the `chunk` mark, innermost of all (links and emphasis stay whole around it). */
export const viewSchema = new Schema({
  nodes: articleSchema.spec.nodes,
  marks: articleSchema.spec.marks.addToEnd('chunk', {
    // Each run's own number: neighbours never merge, and the view never mistakes one run for another.
    attrs: { n: { validate: 'number' } },
    toDOM: () => ['span', 0],
  }),
});

const chunkType: MarkType = viewSchema.marks.chunk;

/** Where the run starting at `from` ends: after a space, never inside a surrogate pair. */
function runEnd(text: string, from: number): number {
  if (text.length - from <= HARD_LIMIT) return text.length;
  const space = text.indexOf(' ', from + CHUNK_LENGTH);
  if (space >= 0 && space < from + HARD_LIMIT) return space + 1;
  const end = from + HARD_LIMIT;
  const code = text.charCodeAt(end);
  return code >= 0xdc00 && code <= 0xdfff ? end - 1 : end;
}

/** The positions (before the block) of the textblocks in which at least DENSE_FROM of `badges` start. */
function denseBlocks(doc: Node, badges: readonly { from: number }[]): Set<number> {
  const starts = Float64Array.from(badges, (badge) => badge.from).sort();
  const dense = new Set<number>();
  let i = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const end = pos + node.nodeSize;
    while (i < starts.length && starts[i] <= pos) i++;
    let j = i;
    while (j < starts.length && starts[j] < end) j++;
    if (j - i >= DENSE_FROM) dense.add(pos);
    i = j;
    return false;
  });
  return dense;
}

/**
 * `doc` (an article) in `viewSchema`; the text of each textblock in which at least DENSE_FROM
 * of `badges` start is cut into runs, everything else is as it was.
 */
export function chunkedDoc(doc: Node, badges: readonly { from: number }[]): Node {
  const dense = denseBlocks(doc, badges);
  let next = 0;
  const marksOf = (marks: readonly Mark[]) => marks.map((mark) => viewSchema.marks[mark.type.name].create(mark.attrs));
  /** A copy of `node`, which sits at `pos` (-1 for the document). */
  const copy = (node: Node, pos: number): Node => {
    const cut = dense.has(pos);
    const children: Node[] = [];
    node.forEach((child, offset) => {
      if (!child.isText) {
        children.push(copy(child, pos + 1 + offset));
        return;
      }
      const text = child.text!;
      const marks = marksOf(child.marks);
      if (!cut) {
        children.push(viewSchema.text(text, marks));
        return;
      }
      for (let from = 0; from < text.length; ) {
        const to = runEnd(text, from);
        children.push(viewSchema.text(text.slice(from, to), chunkType.create({ n: next++ }).addToSet(marks)));
        from = to;
      }
    });
    return viewSchema.nodes[node.type.name].create(node.attrs, Fragment.fromArray(children), marksOf(node.marks));
  };
  return copy(doc, -1);
}
