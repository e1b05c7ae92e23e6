/**
 * Carrying a claim from one version of the article to the next. The old position is mapped
 * through a diff of the two texts; if the quote is still there, nothing happened to the claim
 * (same). Otherwise the quote is searched for — exactly (moved), then approximately where the
 * diff put it or anywhere, scored like Hypothesis' match-quote.js (changed: found, but the
 * words differ from those the verdict was given for) — and when nothing is found with
 * confidence the claim is an orphan, with the best guesses kept as suggestions for triage.
 */
import search from 'approx-string-match';
import { LIMITS, type Target } from '../claim.js';
import { anchorTarget, fuzzyCandidates, MIN_FUZZY_SCORE, occurrences, scoreMatch, targetFromRange, trimRange, type TextRange } from './selectors.js';
import { diffTexts, mapPosition, type EqualSegment } from './text-diff.js';

export type ReanchorOutcome = 'same' | 'moved' | 'changed' | 'orphan';

export interface Reanchoring {
  outcome: ReanchorOutcome;
  /** The target in the new version; an orphan keeps its old target. */
  target: Target;
  /** For changed and orphaned claims: candidate targets in the new version, best first. */
  suggestions: Target[];
}

/** A quote at least this long found verbatim is the claim's, even when its context changed. */
const MIN_BARE_QUOTE = 32;
/** How alike the text now at the claim's mapped place must be to its quote to count as the same claim, changed. */
const MIN_MAPPED_SIMILARITY = 0.6;
/** Below this, the text at the mapped place is no suggestion either. */
const MIN_SUGGESTION_SIMILARITY = 0.3;
const MAX_SUGGESTIONS = 3;

/** The diff of two texts, computed once for all the claims of a version. */
export interface VersionChange {
  oldText: string;
  newText: string;
  version: number;
  segments: EqualSegment[];
}

/** Prepares re-anchoring from `oldText` to `newText`, which becomes article version `version`. */
export function versionChange(oldText: string, newText: string, version: number): VersionChange {
  return { oldText, newText, version, segments: diffTexts(oldText, newText) };
}

/** Where `target` (a target in the old text) is in the new version, and how sure that is. */
export function reanchorTarget(change: VersionChange, target: Target): Reanchoring {
  const { oldText, newText, version, segments } = change;
  const { exact } = target.quote;
  const old = oldRange(oldText, target);
  const mapped = { start: mapPosition(segments, old.start, 'start'), end: mapPosition(segments, old.end, 'end') };
  const at = (range: TextRange) => targetFromRange(newText, range.start, range.end, version);

  if (mapped.end > mapped.start && newText.slice(mapped.start, mapped.end) === exact) {
    return { outcome: 'same', target: at(mapped), suggestions: [] };
  }

  const verbatim = occurrences(newText, exact)
    .map((start) => ({ start, end: start + exact.length, score: scoreMatch(newText, target.quote, { start, end: start + exact.length, errors: 0 }, mapped.start) }))
    .sort((a, b) => b.score - a.score);
  // Text that was already in the old version, somewhere else than the claim, is another passage
  // (the same words said twice), never the claim's text moved or changed.
  const isNew = (range: TextRange) => !elsewhereBefore(segments, range, old);
  const moved = verbatim.find(isNew);
  if (moved && (moved.score >= MIN_FUZZY_SCORE || exact.length >= MIN_BARE_QUOTE)) {
    return { outcome: 'moved', target: at(moved), suggestions: [] };
  }

  const trimmed = trimRange(newText, mapped.start, mapped.end);
  const mappedSimilarity = trimmed.end > trimmed.start ? likeness(newText.slice(trimmed.start, trimmed.end), exact) : 0;
  const fuzzy = fuzzyCandidates(newText, target.quote, mapped.start);
  const candidates: TextRange[] = [];
  if (mappedSimilarity >= MIN_SUGGESTION_SIMILARITY) candidates.push(trimmed);
  candidates.push(...verbatim, ...fuzzy.slice(0, MAX_SUGGESTIONS));
  const suggestions = distinct(candidates).slice(0, MAX_SUGGESTIONS).filter(fits).map(at);

  const bestFuzzy = fuzzy.find(isNew);
  const found = mappedSimilarity >= MIN_MAPPED_SIMILARITY ? trimmed : bestFuzzy && bestFuzzy.score >= MIN_FUZZY_SCORE ? bestFuzzy : null;
  if (found && fits(found)) {
    const target = at(found);
    return { outcome: 'changed', target, suggestions: [target, ...suggestions.filter((s) => !sameRange(s.position, found))].slice(0, MAX_SUGGESTIONS) };
  }
  return { outcome: 'orphan', target, suggestions };
}

/** Where the target is in its own (old) text: its position, unless the quote is not there. */
function oldRange(oldText: string, target: Target): TextRange {
  const { start, end } = target.position;
  if (oldText.slice(start, end) === target.quote.exact) return { start, end };
  return anchorTarget(oldText, target) ?? { start: Math.min(start, oldText.length), end: Math.min(end, oldText.length) };
}

/** Whether `range` of the new text was already in the old text, away from the claim's `old` range. */
function elsewhereBefore(segments: readonly EqualSegment[], range: TextRange, old: TextRange): boolean {
  const segment = segments.find((s) => s.newStart <= range.start && range.end <= s.newStart + s.length);
  if (!segment) return false;
  const start = segment.oldStart + (range.start - segment.newStart);
  const end = start + (range.end - range.start);
  return !(start < old.end && old.start < end);
}

/** 1 for equal strings, falling towards 0 with the edits between them (approximately the edit distance). */
function likeness(text: string, quote: string): number {
  const [best] = search(text, quote, quote.length);
  if (!best) return 0;
  const unmatched = text.length - (best.end - best.start);
  return Math.max(0, 1 - (best.errors + unmatched) / Math.max(text.length, quote.length));
}

function fits(range: TextRange): boolean {
  return range.end > range.start && range.end - range.start <= LIMITS.quote;
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The ranges without those overlapping an earlier one. */
function distinct(ranges: TextRange[]): TextRange[] {
  const kept: TextRange[] = [];
  for (const range of ranges) if (!kept.some((k) => k.start < range.end && range.start < k.end)) kept.push(range);
  return kept;
}
