/**
 * The default verdict scale. A verdict is always shown as its label and icon together,
 * never by colour alone; the colour is only a second cue.
 */

/** Identifiers of the verdicts on the default scale, from best to worst rating. */
export const VERDICT_IDS = [
  'true',
  'mostly-true',
  'mixed',
  'mostly-false',
  'false',
  'unverifiable',
  'not-a-claim',
] as const;

export type VerdictId = (typeof VERDICT_IDS)[number];

export interface Verdict {
  id: VerdictId;
  label: string;
  /** 5 (best) to 1 (worst); null for verdicts outside the numeric scale. */
  rating: number | null;
  /** A text glyph, readable without colour. */
  icon: string;
  /** A CSS colour, a secondary cue only. */
  colour: string;
}

export const VERDICTS: readonly Verdict[] = [
  { id: 'true', label: 'True', rating: 5, icon: '✔', colour: '#1a7f37' },
  { id: 'mostly-true', label: 'Mostly true', rating: 4, icon: '◕', colour: '#4d9a2b' },
  { id: 'mixed', label: 'Mixed', rating: 3, icon: '◑', colour: '#b58900' },
  { id: 'mostly-false', label: 'Mostly false', rating: 2, icon: '◔', colour: '#c9510c' },
  { id: 'false', label: 'False', rating: 1, icon: '✘', colour: '#cf222e' },
  { id: 'unverifiable', label: 'Unverifiable', rating: null, icon: '?', colour: '#6e7781' },
  { id: 'not-a-claim', label: 'Not a factual claim', rating: null, icon: '∅', colour: '#8250df' },
];

const byId = new Map(VERDICTS.map((v) => [v.id, v]));

/**
 * The verdict colours as CSS (`--v` per `.verdict-<id>` highlight piece and badge), so the
 * thousands of pieces of a heavily annotated article carry no inline style each: the page
 * adopts it as a style sheet, and the server writes it into an article page with its copy.
 */
export function verdictColourCss(): string {
  return VERDICTS.map((v) => `.claim-highlight.verdict-${v.id}, .claim-badge.verdict-${v.id} { --v: ${v.colour}; }`).join('\n');
}

/** The verdict with this id; throws on an unknown id. */
export function verdict(id: VerdictId): Verdict {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown verdict: ${String(id)}`);
  return found;
}

/** True when the string names a verdict of the scale. */
export function isVerdictId(value: unknown): value is VerdictId {
  return typeof value === 'string' && byId.has(value as VerdictId);
}
