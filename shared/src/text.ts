/**
 * The canonical plain text of an article and the map between its offsets and
 * ProseMirror positions. Claims are stored against this text (W3C selectors), never
 * against positions, so every consumer — editor, server, exporters — must derive the
 * same string: the text of every textblock, in reading order, joined by one "\n".
 *
 * The schema has no inline leaf nodes, so inside a textblock one character of text is
 * exactly one position; the map only has to know where each textblock starts.
 */
import type { ArticleNode } from './schema.js';

/** Which side of a block separator an offset sits on. */
export type Side = 'start' | 'end';

/** The canonical plain text: every textblock's text, in reading order, joined by "\n". */
export function canonicalText(doc: ArticleNode): string {
  return buildTextIndex(doc).text;
}

/** A stable, non-cryptographic hash of a text: FNV-1a 64-bit over its UTF-8 bytes, as 16 hex digits. */
export function textHash(text: string): string {
  // Two 32-bit lanes instead of BigInt: the prime is 2^40 + 0x1b3, so h * prime is
  // h * 0x1b3 plus the low lane shifted into the high one, all exact in doubles.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const feed = (byte: number) => {
    lo ^= byte;
    const low = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (code < 0x80) feed(code);
    else if (code < 0x800) {
      feed(0xc0 | (code >> 6));
      feed(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      feed(0xe0 | (code >> 12));
      feed(0x80 | ((code >> 6) & 0x3f));
      feed(0x80 | (code & 0x3f));
    } else {
      feed(0xf0 | (code >> 18));
      feed(0x80 | ((code >> 12) & 0x3f));
      feed(0x80 | ((code >> 6) & 0x3f));
      feed(0x80 | (code & 0x3f));
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** Index of the last entry of the ascending `values` that is ≤ `target` (0 when none is). */
export function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (values[mid] <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The canonical text of one document with the two-way map between text offsets and
 * ProseMirror positions. Offsets are boundaries between characters (0…text.length).
 */
export class TextIndex {
  /** The canonical text. */
  readonly text: string;
  /** Offset in `text` where each textblock's text starts. */
  private readonly offsets: number[] = [];
  /** Position where each textblock's content starts. */
  private readonly positions: number[] = [];
  /** Length of each textblock's text. */
  private readonly lengths: number[] = [];

  constructor(doc: ArticleNode) {
    const parts: string[] = [];
    let offset = 0;
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      const text = node.textContent;
      this.offsets.push(offset);
      this.positions.push(pos + 1);
      this.lengths.push(text.length);
      parts.push(text);
      offset += text.length + 1;
      return false;
    });
    this.text = parts.join('\n');
  }

  /**
   * The position of a text offset. An offset on either edge of a block separator maps,
   * with side 'start', to the start of the next block and, with side 'end', to the end
   * of the previous one; without a side, it stays in the block it touches.
   */
  offsetToPos(offset: number, side?: Side): number {
    if (this.offsets.length === 0) return 0;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let block = lastAtOrBefore(this.offsets, clamped);
    let local = clamped - this.offsets[block];
    if (side === 'start' && local === this.lengths[block] && block + 1 < this.offsets.length) {
      block += 1;
      local = 0;
    } else if (side === 'end' && local === 0 && block > 0) {
      block -= 1;
      local = this.lengths[block];
    }
    return this.positions[block] + local;
  }

  /**
   * The text offset of a position. A position between textblocks maps to the start of
   * the next block (side 'start', the default) or the end of the previous one (side 'end').
   */
  posToOffset(pos: number, side: Side = 'start'): number {
    if (this.offsets.length === 0) return 0;
    const block = lastAtOrBefore(this.positions, pos);
    const start = this.positions[block];
    if (pos < start) return 0;
    if (pos <= start + this.lengths[block]) return this.offsets[block] + (pos - start);
    const blockEnd = this.offsets[block] + this.lengths[block];
    return side === 'end' || block + 1 === this.offsets.length ? blockEnd : this.offsets[block + 1];
  }

  /** The positions of a text range; a range that starts or ends on a separator is pulled inside its blocks. */
  rangeToPositions(start: number, end: number): { from: number; to: number } {
    if (start === end) {
      const pos = this.offsetToPos(start);
      return { from: pos, to: pos };
    }
    const from = this.offsetToPos(start, 'start');
    const to = this.offsetToPos(end, 'end');
    return to < from ? { from, to: from } : { from, to };
  }

  /** The text range of two positions. */
  positionsToRange(from: number, to: number): { start: number; end: number } {
    const start = this.posToOffset(from, 'start');
    const end = this.posToOffset(to, 'end');
    return end < start ? { start, end: start } : { start, end };
  }
}

/** Builds the canonical text of `doc` and its offset ↔ position map. */
export function buildTextIndex(doc: ArticleNode): TextIndex {
  return new TextIndex(doc);
}
