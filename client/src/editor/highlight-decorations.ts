/**
 * The decorations that draw claims in the article: one inline decoration per piece of text
 * (see highlight-segments.ts), styled by its innermost claim, and one badge button per claim at
 * its start. Built whole once; after that only the claims that changed (and the pieces of text
 * they touch) are redone, so a remote claim costs about as much as one claim, not ten thousand.
 */
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { verdict, type VerdictId } from '@factdesk/shared';
import { highlightSegments } from './highlight-segments.js';

/** One claim to show: its number, verdict and where it is. */
export interface Highlight {
  id: string;
  number: number;
  verdict: VerdictId;
  from: number;
  to: number;
}

/** How a claim was picked in the text: by clicking its highlighted text or its badge. */
export type ActivatedVia = 'text' | 'badge';

export interface HighlightsOptions {
  onActivate(id: string, via: ActivatedVia): void;
}

/** The accessible name of a claim's badge, e.g. "Claim 3: False". */
export function badgeLabel(number: number, verdictId: VerdictId): string {
  return `Claim ${number}: ${verdict(verdictId).label}`;
}

/**
 * What a badge shows. Claims are numbered in reading order, so one new claim renumbers every
 * claim after it: a renumbered badge keeps its button (the number is not part of its key) and
 * only its text is rewritten (`renumberBadges`), rather than thousands of buttons being rebuilt.
 */
interface BadgeRecord {
  number: number;
  verdict: VerdictId;
  /** The claim as drawn (a patch finds claims by id here rather than searching every claim). */
  highlight: Highlight;
  button?: HTMLElement;
}

/** Each claim's badge record, by claim id: kept by the plugin so renumbering needs no search. */
export type BadgeRecords = Map<string, BadgeRecord>;

function badgeText(record: BadgeRecord): string {
  return `${record.number} ${verdict(record.verdict).icon}`;
}

function badge(h: Highlight, record: BadgeRecord, focused: boolean): (view: EditorView) => HTMLElement {
  return (view) => {
    // One element with its text, the name in aria-label, and no listener of its own: a page may
    // hold ten thousand badges, and the plugin hears their clicks on the article (highlights-plugin.ts).
    const button = view.dom.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = `claim-badge verdict-${h.verdict}${focused ? ' claim-badge--focused' : ''}`;
    button.setAttribute('data-claim-id', h.id);
    const label = badgeLabel(record.number, record.verdict);
    button.setAttribute('aria-label', label);
    button.title = label;
    button.textContent = badgeText(record);
    record.button = button;
    return button;
  };
}

let badges = 0;

function badgeDecoration(h: Highlight, focusedId: string | null, records: BadgeRecords): Decoration {
  const focused = h.id === focusedId;
  const record: BadgeRecord = { number: h.number, verdict: h.verdict, highlight: h };
  records.set(h.id, record);
  return Decoration.widget(h.from, badge(h, record, focused), {
    side: -1,
    // Unique per record, so a button is only ever reused by the decoration that renumbers it.
    key: `badge:${h.id}:${++badges}`,
    claimId: h.id,
    focused,
    record,
    get label() {
      return badgeLabel(record.number, record.verdict);
    },
    ignoreSelection: true,
    stopEvent: () => true,
  });
}

/** Gives the badges of `renumbered` claims their new numbers; their buttons follow (see `relabel`). */
function renumberBadges(set: DecorationSet, records: BadgeRecords, renumbered: readonly Highlight[]): void {
  let now = 0;
  for (const h of renumbered) {
    const known = records.get(h.id);
    const found = known ? [known] : set.find(h.from, h.from, (spec) => spec.claimId === h.id).map((d) => d.spec.record as BadgeRecord);
    for (const record of found) {
      record.highlight = h;
      if (record.number === h.number) continue;
      record.number = h.number;
      if (!record.button) continue;
      if (now++ < RELABEL_NOW) writeBadge(record);
      else relabelLater(record);
    }
  }
}

/**
 * Buttons rewritten at once; the rest follow after the next frame has been painted, a few
 * milliseconds of work per task, so a new claim's highlight is painted first and no frame waits
 * on thousands of renumbered badges.
 */
const RELABEL_NOW = 100;
const RELABEL_BUDGET_MS = 4;
const relabelling = new Set<BadgeRecord>();
/** A slice of relabelling is waiting to run (one chain at a time). */
let relabelScheduled = false;
/** A patch is waiting for its frame: relabelling pauses until that frame has been painted. */
let patchUnpainted = false;

function relabelLater(record: BadgeRecord): void {
  relabelling.add(record);
  if (!relabelScheduled) {
    relabelScheduled = true;
    afterPaint(relabelSome);
  }
}

function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

/**
 * A remote claim has just been drawn: slices of relabelling left from an earlier claim would
 * otherwise run before its frame (each a few milliseconds, and more for the frame to lay out).
 */
function holdRelabellingUntilPainted(): void {
  if (patchUnpainted || relabelling.size === 0) return;
  patchUnpainted = true;
  afterPaint(() => {
    patchUnpainted = false;
    if (relabelling.size && !relabelScheduled) {
      relabelScheduled = true;
      relabelSome();
    }
  });
}

function relabelSome(): void {
  relabelScheduled = false;
  // Resumed by holdRelabellingUntilPainted once the patch's frame is on screen.
  if (patchUnpainted) return;
  const until = performance.now() + RELABEL_BUDGET_MS;
  let n = 0;
  for (const record of relabelling) {
    // The clock is read every 64 badges: reading it costs more than writing one.
    if (++n % 64 === 0 && performance.now() > until) break;
    relabelling.delete(record);
    writeBadge(record);
  }
  if (relabelling.size) {
    relabelScheduled = true;
    setTimeout(relabelSome, 0);
  }
}

function writeBadge(record: BadgeRecord): void {
  const button = record.button;
  const label = badgeLabel(record.number, record.verdict);
  if (!button || button.getAttribute('aria-label') === label) return;
  button.setAttribute('aria-label', label);
  button.title = label;
  button.textContent = badgeText(record);
}

function pieceDecorations(highlights: readonly Highlight[], focusedId: string | null, within?: { from: number; to: number }): Decoration[] {
  return highlightSegments(highlights, within).map(({ from, to, covering }) => {
    const inner = covering[0];
    const classes = ['claim-highlight', `verdict-${inner.verdict}`];
    if (covering.length > 1) classes.push('claim-highlight--nested');
    if (focusedId && covering.some((h) => h.id === focusedId)) classes.push('claim-highlight--focused');
    const claimIds = covering.map((h) => h.id);
    return Decoration.inline(
      from,
      to,
      // The colour comes with the verdict class (verdict-colours.ts). The ids come first: when
      // a patch removes pieces, ProseMirror compares them with every other piece of the
      // paragraph, and the ids tell two pieces apart at once (many share a class).
      { 'data-claim-ids': claimIds.join(' '), class: classes.join(' ') },
      { claimIds, classes },
    );
  });
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
): DecorationSet {
  const valid = validHighlights(doc, highlights);
  const decorations = pieceDecorations(valid, focusedId);
  records.clear();
  for (const h of valid) decorations.push(badgeDecoration(h, focusedId, records));
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
  if (changed.size > PATCH_LIMIT) return buildHighlightDecorations(doc, next, after.focusedId, records);
  // Numbers follow reading order, which a claim that stays in place keeps: its pieces stay too.
  renumberBadges(set, records, renumbered);
  const overlapping = (from: number, to: number) => next.filter((h) => h.from < to && h.to > from);
  return redrawClaims(doc, set, changed, overlapping, after.focusedId, records);
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
  for (const { now } of changed.values()) if (now) added.push(badgeDecoration(now, focusedId, records));
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
  return { decorations: redrawClaims(doc, set, changed, overlapping, before.focusedId, records), patched };
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
