/**
 * A small text diff, enough to carry positions from one version of an article to the next.
 * Lines are compared first (a longest common subsequence, after trimming the lines both
 * versions share at either end); inside each changed stretch, the characters both sides
 * share at its start and end count as unchanged too. The result is a list of unchanged
 * segments, through which a position of the old text maps to the new one.
 */

/** A stretch of text that is the same in both versions. */
export interface EqualSegment {
  oldStart: number;
  newStart: number;
  length: number;
}

/** Beyond this many line pairs the middle is treated as one changed stretch (the diff stays cheap). */
const MAX_LCS_CELLS = 4_000_000;

/** Lines with their "\n", so that concatenating them gives back the text. */
function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => `${line}\n`);
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, -1);
  return lines;
}

/** The pairs of equal lines of a longest common subsequence of `a` and `b`, in order. */
function commonLines(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_LCS_CELLS) return [];
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** The unchanged segments between `oldText` and `newText`, in order, non-overlapping. */
export function diffTexts(oldText: string, newText: string): EqualSegment[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const pairs: [number, number][] = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  for (const [i, j] of commonLines(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) pairs.push([i + head, j + head]);
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);

  const oldOffsets = offsets(a);
  const newOffsets = offsets(b);
  const segments: EqualSegment[] = [];
  const push = (oldStart: number, newStart: number, length: number) => {
    if (length <= 0) return;
    const last = segments[segments.length - 1];
    if (last && last.oldStart + last.length === oldStart && last.newStart + last.length === newStart) last.length += length;
    else segments.push({ oldStart, newStart, length });
  };
  // Walk the equal lines; each gap between them is a changed stretch, refined by its common ends.
  let oldAt = 0;
  let newAt = 0;
  for (const [i, j] of [...pairs, [a.length, b.length] as [number, number]]) {
    refineGap(oldText, newText, oldAt, oldOffsets[i], newAt, newOffsets[j], push);
    if (i < a.length) push(oldOffsets[i], newOffsets[j], a[i].length);
    oldAt = i < a.length ? oldOffsets[i + 1] : oldText.length;
    newAt = j < b.length ? newOffsets[j + 1] : newText.length;
  }
  return segments;
}

/** Where each line starts, plus the end of the text. */
function offsets(lines: string[]): number[] {
  const result = [0];
  for (const line of lines) result.push(result[result.length - 1] + line.length);
  return result;
}

/** Marks the characters a changed stretch shares at its start and its end as unchanged. */
function refineGap(
  oldText: string,
  newText: string,
  oldFrom: number,
  oldTo: number,
  newFrom: number,
  newTo: number,
  push: (oldStart: number, newStart: number, length: number) => void,
): void {
  let head = 0;
  while (oldFrom + head < oldTo && newFrom + head < newTo && oldText[oldFrom + head] === newText[newFrom + head]) head++;
  let tail = 0;
  while (oldTo - tail > oldFrom + head && newTo - tail > newFrom + head && oldText[oldTo - 1 - tail] === newText[newTo - 1 - tail]) tail++;
  push(oldFrom, newFrom, head);
  push(oldTo - tail, newTo - tail, tail);
}

/**
 * Where old position `at` is in the new text. A position inside unchanged text maps exactly;
 * one inside changed text maps to the start (side 'start') or the end (side 'end') of what
 * replaced it. At the border of an insertion, 'start' lands after it and 'end' before it, so a
 * mapped range never swallows text inserted next to it.
 */
export function mapPosition(segments: readonly EqualSegment[], at: number, side: 'start' | 'end'): number {
  let before: EqualSegment | null = null;
  for (const segment of segments) {
    const inside = side === 'start' ? segment.oldStart <= at && at < segment.oldStart + segment.length : segment.oldStart < at && at <= segment.oldStart + segment.length;
    if (inside) return segment.newStart + (at - segment.oldStart);
    if (segment.oldStart + segment.length <= at) before = segment;
    else {
      // `at` falls in the changed stretch between `before` and `segment`.
      return side === 'start' ? (before ? before.newStart + before.length : 0) : segment.newStart;
    }
  }
  return before ? before.newStart + before.length : 0;
}
