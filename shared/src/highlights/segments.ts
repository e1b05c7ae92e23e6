/**
 * Cutting claims into the pieces of text between their boundaries, each piece listing every
 * claim that covers it. One sweep over the sorted boundaries with the list of claims open at
 * each one, so ten thousand claims cost a sort rather than ten thousand filters over all of them.
 * The sweep runs once per article load on thousands of claims, cold (not yet optimised by the
 * engine): its boundaries are numbers in one typed array, sorted natively, and the claims open
 * are kept as indexes; `sweepSegments` hands each piece to a visitor without copying the list
 * (the view's pieces, pieces.ts, are made from it).
 */

/** What the sweep needs of a claim: where it is and what orders it (see `innermostFirst`). */
export interface Span {
  id: string;
  number: number;
  from: number;
  to: number;
}

/** Innermost first: the shortest claim, then the later one (nested claims start later). */
export function innermostFirst(a: Span, b: Span): number {
  return a.to - a.from - (b.to - b.from) || b.number - a.number;
}

/**
 * Called for each piece in order: `open` holds the indexes (in `spans`) of the claims covering
 * it, innermost first, and is the sweep's own list (read it during the call, do not keep it);
 * `opened` says whether a claim starts at `from` (some claim's own start, not `within`'s).
 */
export type SegmentVisitor = (from: number, to: number, open: readonly number[], opened: boolean) => void;

/**
 * Sweeps `spans` (only the parts inside `within`, when given) and calls `visit` for each piece
 * of text covered by at least one. Claims that tie keep their order in `spans`.
 */
export function sweepSegments(spans: readonly Span[], within: { from: number; to: number } | undefined, visit: SegmentVisitor): void {
  const lo = within?.from ?? -Infinity;
  const hi = within?.to ?? Infinity;
  const n = spans.length;
  // Each boundary as position × 2n + event: a close (0 … n-1) sorts before an open (n … 2n-1) at the same place.
  const scale = 2 * n;
  const events = new Float64Array(scale);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const from = Math.max(spans[i].from, lo);
    const to = Math.min(spans[i].to, hi);
    if (to <= from) continue;
    events[count++] = to * scale + i;
    events[count++] = from * scale + n + i;
  }
  const sorted = events.subarray(0, count).sort();
  const open: number[] = [];
  let at = 0;
  let opened = false;
  for (let e = 0; e < count; e++) {
    const key = sorted[e];
    const event = key % scale;
    const pos = (key - event) / scale;
    if (e > 0 && pos !== at) {
      if (open.length) visit(at, pos, open, opened);
      opened = false;
    }
    at = pos;
    if (event < n) open.splice(open.indexOf(event), 1);
    else {
      const i = event - n;
      open.splice(insertionPoint(spans, open, i), 0, i);
      if (spans[i].from === pos) opened = true;
    }
  }
}

/** Where claim `i` goes in `open` (innermost first): after every claim that orders before it, or ties with it and comes earlier in `spans`. */
function insertionPoint(spans: readonly Span[], open: readonly number[], i: number): number {
  let low = 0;
  let high = open.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((innermostFirst(spans[open[mid]], spans[i]) || open[mid] - i) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
