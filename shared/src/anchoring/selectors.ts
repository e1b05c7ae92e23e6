/**
 * Anchoring: turning a reader's selection into a claim's target (W3C TextQuoteSelector
 * plus TextPositionSelector over the canonical text), and finding that target again in
 * a text that may have changed since — a new version, a fixed typo. Strategies run
 * from cheap and certain to costly and approximate, as in Hypothesis' anchoring; the
 * fuzzy step scores candidates the way its match-quote.js does.
 */
import search from 'approx-string-match';
import { LIMITS, type Target } from '../claim.js';

/** A range of the canonical text: offsets between characters, `start` ≤ `end`. */
export interface TextRange {
  start: number;
  end: number;
}

/** The weights of Hypothesis' match-quote.js: the quote counts most, the position least. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const MAX_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** Below this normalized score a fuzzy match is more likely other text than the quote (see README). */
export const MIN_FUZZY_SCORE = 0.7;
const MAX_FUZZY_ERRORS = 256;

/** Shrinks a range so it neither starts nor ends with whitespace; empty when only whitespace is left. */
export function trimRange(text: string, start: number, end: number): TextRange {
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return { start: from, end: to };
}

/** The target of the range [start, end) of `text` in article version `version`. */
export function targetFromRange(text: string, start: number, end: number, version: number): Target {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError('The selection is empty or outside the article');
  }
  if (end - start > LIMITS.quote) throw new RangeError(`A claim quotes at most ${LIMITS.quote} characters`);
  return {
    version,
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - LIMITS.context), start),
      suffix: text.slice(end, end + LIMITS.context),
    },
    position: { start, end },
  };
}

/**
 * Where `target` is in `text`, or null when it cannot be found with confidence. Tries,
 * in order: the stored position; the quote with its context; the quote alone (an
 * occurrence whose context still agrees first, then the one nearest the stored
 * position); a fuzzy match of the quote scored on quote, context and position.
 */
export function anchorTarget(text: string, target: Omit<Target, 'version'>): TextRange | null {
  const { exact, prefix, suffix } = target.quote;
  const { start, end } = target.position;
  if (exact.length === 0) return null;
  if (Number.isInteger(start) && start >= 0 && end <= text.length && text.slice(start, end) === exact) {
    return { start, end };
  }
  const inContext = occurrences(text, prefix + exact + suffix).map((at) => at + prefix.length);
  if (inContext.length > 0) return rangeAt(nearest(inContext, start), exact);

  const bare = occurrences(text, exact);
  if (bare.length > 0) {
    const agreement = (at: number) =>
      Number(prefix !== '' && text.endsWith(prefix, at)) + Number(suffix !== '' && text.startsWith(suffix, at + exact.length));
    const agreements = bare.map(agreement);
    const best = agreements.reduce((a, b) => Math.max(a, b), 0);
    return rangeAt(nearest(bare.filter((_, i) => agreements[i] === best), start), exact);
  }
  return fuzzyMatch(text, target.quote, start);
}

function rangeAt(at: number, exact: string): TextRange {
  return { start: at, end: at + exact.length };
}

/** Every index where `needle` starts in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function nearest(candidates: number[], expected: number): number {
  return candidates.reduce((best, at) => (Math.abs(at - expected) < Math.abs(best - expected) ? at : best));
}

/** How much of `pattern` `text` matches: 1 for an exact match, 0 for nothing in common. */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  return matches.length === 0 ? 0 : 1 - matches[0].errors / pattern.length;
}

/** A range of the text with how well it matches a quote, from 0 (not at all) to 1 (quote and context exact, at the expected place). */
export interface ScoredRange extends TextRange {
  score: number;
}

/**
 * How well the range [start, end) with `errors` edits against the quote matches `quote` in
 * `text`: the quote, its prefix, its suffix and the distance from `expected`, weighted as
 * Hypothesis' match-quote.js weighs them.
 */
export function scoreMatch(text: string, quote: Target['quote'], range: TextRange & { errors: number }, expected: number): number {
  const prefixScore = quote.prefix
    ? similarity(text.slice(Math.max(0, range.start - quote.prefix.length), range.start), quote.prefix)
    : 1;
  const suffixScore = quote.suffix ? similarity(text.slice(range.end, range.end + quote.suffix.length), quote.suffix) : 1;
  const positionScore = text.length === 0 ? 1 : 1 - Math.abs(range.start - expected) / text.length;
  return (
    (WEIGHTS.quote * Math.max(0, 1 - range.errors / quote.exact.length) +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * Math.max(0, positionScore)) /
    MAX_WEIGHT
  );
}

/** Every approximate match of the quote in `text` (up to half its length in edits), best score first. */
export function fuzzyCandidates(text: string, quote: Target['quote'], expected: number): ScoredRange[] {
  if (quote.exact.length === 0) return [];
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(quote.exact.length / 2));
  return search(text, quote.exact, maxErrors)
    .map((match) => ({ start: match.start, end: match.end, score: scoreMatch(text, quote, match, expected) }))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}

function fuzzyMatch(text: string, quote: Target['quote'], expected: number): TextRange | null {
  const best = fuzzyCandidates(text, quote, expected)[0];
  return best && best.score >= MIN_FUZZY_SCORE ? { start: best.start, end: best.end } : null;
}
