/**
 * The decorations that draw claims in the article: one inline decoration per piece of text
 * (shared/src/highlights/pieces.ts, which the server's static copy of a long article draws
 * too), styled by its innermost claim, and a badge button at each claim's start (badges.ts),
 * drawn where `shown` says. Built whole once; after that only the claims that changed (and the
 * pieces of text they touch) are redone, so a remote claim costs about as much as one claim, not
 * ten thousand.
 */
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { badgeDecoration, holdRelabellingUntilPainted, recordBadge, renumberBadges, type BadgeRecords, type Highlight } from './badges.js';
import { highlightPieces, pieceAttrs, validHighlights, type HighlightPiece } from '@factdesk/shared';

export { badgeLabel, type BadgeRecords, type Highlight } from './badges.js';

/** How a claim was picked in the text: by clicking its highlighted text or its badge. */
export type ActivatedVia = 'text' | 'badge';

export interface HighlightsOptions {
  onActivate(id: string, via: ActivatedVia): void;
}

/** Whether a claim's badge is drawn (on a long article, only near the viewport: highlights-plugin.ts). */
export type BadgeShown = (h: Highlight) => boolean;

const everywhere: BadgeShown = () => true;

/** A claim's badge record, and its decoration when the badge is to be drawn. */
function addBadge(h: Highlight, focusedId: string | null, records: BadgeRecords, shown: BadgeShown, into: Decoration[]): void {
  const record = recordBadge(h, records);
  if (shown(h)) into.push(badgeDecoration(record, focusedId));
}

function pieceDecorations(highlights: readonly Highlight[], focusedId: string | null, within?: { from: number; to: number }): Decoration[] {
  return highlightPieces(highlights, focusedId, within).map(pieceDecoration);
}

function pieceDecoration(piece: HighlightPiece): Decoration {
  return Decoration.inline(piece.from, piece.to, pieceAttrs(piece), { claimIds: piece.claimIds, classes: piece.look.classes, starting: piece.starting });
}

/** The decorations of a set of highlights on `doc`. */
export function buildHighlightDecorations(
  doc: Node,
  highlights: readonly Highlight[],
  focusedId: string | null,
  records: BadgeRecords = new Map(),
  shown: BadgeShown = everywhere,
): DecorationSet {
  const valid = validHighlights(doc, highlights);
  const decorations = pieceDecorations(valid, focusedId);
  records.clear();
  for (const h of valid) addBadge(h, focusedId, records, shown, decorations);
  return DecorationSet.create(doc, decorations);
}

/** Same place and verdict: the pieces of text and the badge's button can stay (a new number is written in). */
const samePlace = (a: Highlight, b: Highlight) => a.verdict === b.verdict && a.invalidVerdict === b.invalidVerdict && a.from === b.from && a.to === b.to;

/** Past this many changed claims a whole rebuild is cheaper than patching. */
const PATCH_LIMIT = 256;

/**
 * `set` (the decorations of `before`) turned into those of `after`, redoing only the changed
 * claims' badges and the pieces of text they touch; a claim only renumbered keeps its badge,
 * whose number is rewritten in place (so this also writes to badges already on the page).
 * Pieces may be cut where a whole rebuild would not cut them; they cover and read the same.
 */
export function updateHighlightDecorations(
  doc: Node,
  set: DecorationSet,
  before: { highlights: readonly Highlight[]; focusedId: string | null },
  after: { highlights: readonly Highlight[]; focusedId: string | null },
  records: BadgeRecords = new Map(),
  shown: BadgeShown = everywhere,
): DecorationSet {
  const old = new Map(validHighlights(doc, before.highlights).map((h) => [h.id, h]));
  const next = validHighlights(doc, after.highlights);
  const changed = new Map<string, { was?: Highlight; now?: Highlight }>();
  const renumbered: Highlight[] = [];
  const refocused = before.focusedId !== after.focusedId;
  for (const h of next) {
    const was = old.get(h.id);
    old.delete(h.id);
    const focusMoved = refocused && (h.id === before.focusedId || h.id === after.focusedId);
    if (was === h && !focusMoved) continue;
    if (!was || focusMoved || !samePlace(was, h)) changed.set(h.id, { was, now: h });
    else if (was.number !== h.number) renumbered.push(h);
  }
  for (const [id, was] of old) changed.set(id, { was });
  if (changed.size > PATCH_LIMIT) return buildHighlightDecorations(doc, next, after.focusedId, records, shown);
  // Numbers follow reading order, which a claim that stays in place keeps: its pieces stay too.
  renumberBadges(set, records, renumbered);
  const overlapping = (from: number, to: number) => next.filter((h) => h.from < to && h.to > from);
  return redrawClaims(doc, set, changed, overlapping, after.focusedId, records, shown);
}

type Changes = Map<string, { was?: Highlight; now?: Highlight }>;

/** Redoes the badges of the `changed` claims and the pieces of text they touch; `overlapping` finds the claims drawn in a stretch after the change. */
function redrawClaims(
  doc: Node,
  set: DecorationSet,
  changed: Changes,
  overlapping: (from: number, to: number) => readonly Highlight[],
  focusedId: string | null,
  records: BadgeRecords,
  shown: BadgeShown,
): DecorationSet {
  if (changed.size === 0) return set;
  const removed = new Set<Decoration>();
  const touched: { from: number; to: number }[] = [];
  for (const [id, { was, now }] of changed) {
    if (was) {
      for (const d of set.find(was.from, was.from, (spec) => spec.claimId === id)) removed.add(d);
      records.delete(id);
      touched.push({ from: was.from, to: was.to });
    }
    if (now) touched.push({ from: now.from, to: now.to });
  }
  // Every piece touching a changed claim goes, and the stretch it covered is cut again.
  const stretches = merge(
    touched.map((range) => {
      let { from, to } = range;
      for (const d of set.find(range.from, range.to, (spec) => spec.claimIds !== undefined)) {
        removed.add(d);
        from = Math.min(from, d.from);
        to = Math.max(to, d.to);
      }
      return { from, to };
    }),
  );
  const added: Decoration[] = [];
  for (const stretch of stretches) {
    added.push(...pieceDecorations(overlapping(stretch.from, stretch.to), focusedId, stretch));
  }
  for (const { now } of changed.values()) if (now) addBadge(now, focusedId, records, shown, added);
  return set.remove([...removed]).add(doc, added);
}

/** A few claims that changed, drawn before the whole list is compared again (see `patchHighlightDecorations`). */
export interface HighlightsPatch {
  /** New or changed claims, with their numbers as of now. */
  upsert: readonly Highlight[];
  /** Claims no longer drawn, by id. */
  remove: readonly string[];
}

/** Highlights drawn by patches since the last full update, by claim id (null: no longer drawn). */
export type PatchedHighlights = ReadonlyMap<string, Highlight | null>;

/** `highlights` with the `patched` ones in their place: what is drawn. */
export function patchedHighlights(highlights: readonly Highlight[], patched: PatchedHighlights | undefined): readonly Highlight[] {
  if (!patched?.size) return highlights;
  const drawn = highlights.filter((h) => !patched.has(h.id));
  for (const h of patched.values()) if (h) drawn.push(h);
  return drawn;
}

/**
 * The decorations of `before` with a few claims added, changed or removed, comparing nothing
 * else, so a remote claim is drawn in the frame it arrives in; what was patched is returned
 * for the next full update (which compares everything anyway and brings the other claims'
 * numbers up to date).
 */
export function patchHighlightDecorations(
  doc: Node,
  set: DecorationSet,
  before: { highlights: readonly Highlight[]; patched?: PatchedHighlights; focusedId: string | null },
  patch: HighlightsPatch,
  records: BadgeRecords,
  shown: BadgeShown = everywhere,
): { decorations: DecorationSet; patched: PatchedHighlights } {
  const patched = new Map(before.patched);
  // What is drawn is known by id (the badge records): no search through every claim.
  const drawnBefore = (id: string) => (patched.has(id) ? patched.get(id) : records.get(id)?.highlight);
  const changed: Changes = new Map();
  const valid = (h: Highlight | null | undefined) => (h && validHighlights(doc, [h]).length ? h : undefined);
  for (const id of patch.remove) {
    const was = valid(drawnBefore(id));
    patched.set(id, null);
    if (was) changed.set(id, { was });
  }
  for (const h of patch.upsert) {
    const was = valid(drawnBefore(h.id));
    const now = valid(h);
    patched.set(h.id, now ?? null);
    if (was && now && samePlace(was, now) && was.number === now.number) changed.delete(h.id);
    else if (was || now) changed.set(h.id, { was, now });
  }
  // The claims drawn over a stretch are those its pieces list (by id, as drawn), with the patched ones in their place.
  const overlapping = (from: number, to: number) => {
    const ids = new Set<string>();
    for (const piece of set.find(from, to, (spec) => spec.claimIds !== undefined)) for (const id of piece.spec.claimIds as string[]) ids.add(id);
    const found: Highlight[] = [];
    for (const id of ids) {
      const h = patched.has(id) ? undefined : records.get(id)?.highlight;
      if (h && h.from < to && h.to > from) found.push(h);
    }
    for (const h of patched.values()) if (h && h.from < to && h.to > from) found.push(h);
    return validHighlights(doc, found);
  };
  if (changed.size) holdRelabellingUntilPainted();
  return { decorations: redrawClaims(doc, set, changed, overlapping, before.focusedId, records, shown), patched };
}

/**
 * `set` with the badges of every claim that `shown` now admits and that had none drawn (blocks
 * of a long article coming near the viewport); the rest of the set is kept as it is.
 */
export function showBadges(doc: Node, set: DecorationSet, records: BadgeRecords, focusedId: string | null, shown: BadgeShown): DecorationSet {
  const added: Decoration[] = [];
  for (const record of records.values()) if (!record.decorated && shown(record.highlight)) added.push(badgeDecoration(record, focusedId));
  return added.length ? set.add(doc, added) : set;
}

/** Overlapping or touching ranges joined, in order. */
function merge(ranges: { from: number; to: number }[]): { from: number; to: number }[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}
