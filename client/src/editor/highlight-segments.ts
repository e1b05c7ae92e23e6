/**
 * Cutting claims into the pieces of text between their boundaries, each piece listing every
 * claim that covers it. One sweep over the sorted boundaries with the set of claims open at
 * each one, so ten thousand claims cost a sort rather than ten thousand filters over all of them.
 */

/** What the sweep needs of a claim: where it is and what orders it (see `innermostFirst`). */
export interface Span {
  id: string;
  number: number;
  from: number;
  to: number;
}

export interface Segment<T extends Span> {
  from: number;
  to: number;
  /** The claims covering the piece, innermost first. */
  covering: T[];
}

/** Innermost first: the shortest claim, then the later one (nested claims start later). */
export function innermostFirst(a: Span, b: Span): number {
  return a.to - a.from - (b.to - b.from) || b.number - a.number;
}

/**
 * The pieces of text between claim boundaries, each with the claims covering it, innermost
 * first (claims that tie keep their order in `spans`). With `within`, only the pieces inside
 * that range, cut at its ends.
 */
export function highlightSegments<T extends Span>(spans: readonly T[], within?: { from: number; to: number }): Segment<T>[] {
  const lo = within?.from ?? -Infinity;
  const hi = within?.to ?? Infinity;
  const rank = new Map<T, number>();
  const opens = new Map<number, T[]>();
  const closes = new Map<number, T[]>();
  const bounds = new Set<number>();
  spans.forEach((span, i) => {
    const from = Math.max(span.from, lo);
    const to = Math.min(span.to, hi);
    if (to <= from) return;
    rank.set(span, i);
    push(opens, from, span);
    push(closes, to, span);
    bounds.add(from).add(to);
  });
  const order = (a: T, b: T) => innermostFirst(a, b) || (rank.get(a) as number) - (rank.get(b) as number);
  const sorted = [...bounds].sort((a, b) => a - b);
  const open: T[] = [];
  const segments: Segment<T>[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const at = sorted[i];
    for (const span of closes.get(at) ?? []) open.splice(open.indexOf(span), 1);
    for (const span of opens.get(at) ?? []) open.splice(insertionPoint(open, span, order), 0, span);
    if (open.length) segments.push({ from: at, to: sorted[i + 1], covering: open.slice() });
  }
  return segments;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Where `item` goes in the sorted `list`: after every item that orders before it. */
function insertionPoint<T>(list: readonly T[], item: T, order: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (order(list[mid], item) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
