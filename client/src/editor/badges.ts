/**
 * Claim badges: the numbered button at the start of each claim's highlight. Every claim has a
 * badge record (its number, verdict and place); its button exists only while the badge is drawn,
 * which on a long article is only near the viewport (highlights-plugin.ts). Claims are numbered
 * in reading order, so one new claim renumbers every claim after it: a renumbered badge keeps its
 * button and only its text is rewritten, the first few at once and the rest after the next paint.
 */
import { Decoration, type DecorationSet, type EditorView } from 'prosemirror-view';
import { INVALID_VERDICT, verdict, type Highlight, type Verdict, type VerdictId } from '@factdesk/shared';
import { afterPaint } from './after-paint.js';

/** One claim to show: its number, verdict and where it is (shared with the server's first paint). */
export type { Highlight };

/** A claim's badge: what it shows, and its button while it is on the page. */
export interface BadgeRecord {
  number: number;
  verdict: VerdictId;
  /** The stored verdict was unusable (`Highlight.invalidVerdict`). */
  invalidVerdict?: boolean;
  /** The claim as drawn (a patch finds claims by id here rather than searching every claim). */
  highlight: Highlight;
  /** A badge decoration was made for it (it is drawn, or about to be). */
  decorated: boolean;
  button?: HTMLElement;
}

/** Each claim's badge record, by claim id: kept by the plugin so renumbering needs no search. */
export type BadgeRecords = Map<string, BadgeRecord>;

function shown(verdictId: VerdictId, invalid = false): Verdict {
  return invalid ? INVALID_VERDICT : verdict(verdictId);
}

/** The accessible name of a claim's badge, e.g. "Claim 3: False" ("Claim 3: Invalid verdict" when `invalid`). */
export function badgeLabel(number: number, verdictId: VerdictId, invalid = false): string {
  return `Claim ${number}: ${shown(verdictId, invalid).label}`;
}

function badgeText(record: BadgeRecord): string {
  return `${record.number} ${shown(record.verdict, record.invalidVerdict).icon}`;
}

/** A new record for `h`'s badge, kept in `records` (its decoration is made when it is to be drawn). */
export function recordBadge(h: Highlight, records: BadgeRecords): BadgeRecord {
  const record: BadgeRecord = { number: h.number, verdict: h.verdict, invalidVerdict: h.invalidVerdict, highlight: h, decorated: false };
  records.set(h.id, record);
  return record;
}

function badge(h: Highlight, record: BadgeRecord, focused: boolean): (view: EditorView) => HTMLElement {
  return (view) => {
    // One element with its text, the name in aria-label, and no listener of its own: a page may
    // hold thousands of badges, and the plugin hears their clicks on the article (highlights-plugin.ts).
    const button = view.dom.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = `claim-badge verdict-${h.verdict}${focused ? ' claim-badge--focused' : ''}`;
    button.setAttribute('data-claim-id', h.id);
    const label = badgeLabel(record.number, record.verdict, record.invalidVerdict);
    button.setAttribute('aria-label', label);
    button.title = label;
    button.textContent = badgeText(record);
    record.button = button;
    return button;
  };
}

let badges = 0;

/** The widget that draws `record`'s badge at the start of its claim. */
export function badgeDecoration(record: BadgeRecord, focusedId: string | null): Decoration {
  const h = record.highlight;
  const focused = h.id === focusedId;
  record.decorated = true;
  return Decoration.widget(h.from, badge(h, record, focused), {
    side: -1,
    // Unique per record, so a button is only ever reused by the decoration that renumbers it.
    key: `badge:${h.id}:${++badges}`,
    claimId: h.id,
    focused,
    record,
    get label() {
      return badgeLabel(record.number, record.verdict, record.invalidVerdict);
    },
    ignoreSelection: true,
    stopEvent: () => true,
  });
}

/** Gives the badges of `renumbered` claims their new numbers; buttons on the page follow. */
export function renumberBadges(set: DecorationSet, records: BadgeRecords, renumbered: readonly Highlight[]): void {
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

/**
 * A remote claim has just been drawn: slices of relabelling left from an earlier claim would
 * otherwise run before its frame (each a few milliseconds, and more for the frame to lay out).
 */
export function holdRelabellingUntilPainted(): void {
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
  const label = badgeLabel(record.number, record.verdict, record.invalidVerdict);
  if (!button || button.getAttribute('aria-label') === label) return;
  button.setAttribute('aria-label', label);
  button.title = label;
  button.textContent = badgeText(record);
}
