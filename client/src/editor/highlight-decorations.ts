/**
 * The decorations that draw claims in the article: one inline decoration per piece of text
 * (see highlight-segments.ts), styled by its innermost claim, and a badge button at each claim's
 * start (badges.ts), drawn where `shown` says. Built whole once; after that only the claims
 * that changed (and the pieces of text they touch) are redone, so a remote claim costs about as
 * much as one claim, not ten thousand.
 */
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { badgeDecoration, holdRelabellingUntilPainted, recordBadge, renumberBadges, type BadgeRecords, type Highlight } from './badges.js';
import { sweepSegments } from './highlight-segments.js';

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

/** A piece of highlighted text being cut: where it is, what it looks like, and the claims it lists. */
interface Piece {
  from: number;
  to: number;
  /** The innermost claim's index in the highlights. */
  inner: number;
  look: Look;
  claimIds: string[];
  starting: string;
}

/** How a piece looks: its classes, one object per verdict, nesting and focus (so pieces compare by identity). */
interface Look {
  className: string;
  classes: string[];
}

const looks = new Map<string, Look[]>();

function lookOf(verdict: string, nested: boolean, focused: boolean): Look {
  let byFlags = looks.get(verdict);
  if (!byFlags) looks.set(verdict, (byFlags = []));
  const flags = (nested ? 1 : 0) + (focused ? 2 : 0);
  let look = byFlags[flags];
  if (!look) {
    const classes = ['claim-highlight', `verdict-${verdict}`];
    if (nested) classes.push('claim-highlight--nested');
    if (focused) classes.push('claim-highlight--focused');
    look = byFlags[flags] = { className: classes.join(' '), classes };
  }
  return look;
}

function pieceDecorations(highlights: readonly Highlight[], focusedId: string | null, within?: { from: number; to: number }): Decoration[] {
  const decorations: Decoration[] = [];
  const focusedIndex = focusedId === null ? -1 : highlights.findIndex((h) => h.id === focusedId);
  let last: Piece | null = null;
  sweepSegments(highlights, within, (from, to, open, opened) => {
    const inner = open[0];
    const look = lookOf(highlights[inner].verdict, open.length > 1, focusedIndex >= 0 && open.includes(focusedIndex));
    // Where claims only end, and the innermost claim and the look stay, the piece goes on: the
    // reader sees no cut, and a fifth fewer elements are drawn on a dense article. Its list of
    // claims, taken where it starts, holds every claim covering any of it (none starts inside).
    if (last && last.to === from && !opened && last.inner === inner && last.look === look) {
      last.to = to;
      return;
    }
    if (last) decorations.push(pieceDecoration(last));
    const claimIds: string[] = [];
    let starting = '';
    for (const i of open) {
      const h = highlights[i];
      claimIds.push(h.id);
      if (h.from === from) starting = starting ? `${starting} ${h.id}` : h.id;
    }
    last = { from, to, inner, look, claimIds, starting };
  });
  if (last) decorations.push(pieceDecoration(last));
  return decorations;
}

function pieceDecoration(piece: Piece): Decoration {
  // The page names only the claims whose highlight starts here: every covering claim on every
  // piece came to megabytes of attributes on a dense article. The whole list stays in the
  // spec, where patches and a click on the text look for it.
  const attrs: Record<string, string> = { class: piece.look.className };
  if (piece.starting) attrs['data-claims-starting'] = piece.starting;
  return Decoration.inline(piece.from, piece.to, attrs, { claimIds: piece.claimIds, classes: piece.look.classes, starting: piece.starting });
}

/** The highlights that fit in `doc` (a claim placed against another text may not). */
export function validHighlights(doc: Node, highlights: readonly Highlight[]): Highlight[] {
  const size = doc.content.size;
  return highlights.filter((h) => h.from >= 0 && h.to <= size && h.to > h.from);
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
const samePlace = (a: Highlight, b: Highlight) => a.verdict === b.verdict && a.from === b.from && a.to === b.to;

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
