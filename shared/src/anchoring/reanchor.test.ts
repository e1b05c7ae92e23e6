/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../import/plain-text.js';
import { articleSchema } from '../schema.js';
import { canonicalText } from '../text.js';
import { reanchorTarget, versionChange, type ReanchorOutcome } from './reanchor.js';
import { targetFromRange } from './selectors.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const textOf = (source: string) => canonicalText(articleSchema.nodeFromJSON(importPlainText(source)));
const v1 = textOf(seed);

const REPEATED = 'Increased Regional Instability: A heightened risk of further conflict and escalation in the region.';
const DOROTHY = seed.split('\n').find((line) => line.startsWith('Dorothy Camille Shea'))!;
const SHEA = seed.split('\n').find((line) => line.startsWith('Shea’s statement highlights'))!;

/** Every index of `quote` in `text`. */
function indexes(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** The target of the `nth` occurrence of `quote` in version 1 of the seed. */
function claimOn(quote: string, nth = 0) {
  const start = indexes(v1, quote)[nth];
  if (start === undefined) throw new Error(`not in the seed: ${quote}`);
  return targetFromRange(v1, start, start + quote.length, 1);
}

interface Revision {
  revision: string;
  quote: string;
  /** Which occurrence of the quote in version 1 the claim is on. */
  nth?: number;
  edit(source: string): string;
  outcome: ReanchorOutcome;
  /** What the claim quotes in version 2 (orphans: nothing). */
  quoteAfter?: string;
  /** Which occurrence of `quoteAfter` in version 2 the claim lands on. */
  nthAfter?: number;
}

const revisions: Revision[] = [
  {
    revision: 'a paragraph inserted before the claim',
    quote: 'Dorothy Camille Shea, the interim representative',
    edit: (s) => s.replace('\nThe Contentious Resolution\n', '\nThe Contentious Resolution\nEditor’s note: this article was updated on Feb. 26.\n'),
    outcome: 'same',
    quoteAfter: 'Dorothy Camille Shea, the interim representative',
  },
  {
    revision: 'a sentence added in the same paragraph, before the claim',
    quote: 'explained the U.S. position',
    edit: (s) => s.replace('Dorothy Camille Shea, the interim', 'Dorothy Camille Shea (pictured), the interim'),
    outcome: 'same',
    quoteAfter: 'explained the U.S. position',
  },
  {
    revision: 'text edited inside the claim',
    quote: 'a three-page document calling for Russia’s withdrawal of troops',
    edit: (s) => s.replace('a three-page document calling for', 'a three-page draft calling for'),
    outcome: 'changed',
    quoteAfter: 'a three-page draft calling for Russia’s withdrawal of troops',
  },
  {
    revision: 'the claimed text deleted',
    quote: DOROTHY.slice(0, 120),
    edit: (s) => s.replace(`${DOROTHY}\n`, ''),
    outcome: 'orphan',
  },
  {
    revision: 'paragraphs reordered: the claimed one moved to the end',
    quote: 'a sense of frustration and perhaps a belief that the resolutions are insufficient',
    edit: (s) => `${s.replace(`${SHEA}\n`, '').trimEnd()}\n${SHEA}\n`,
    outcome: 'moved',
    quoteAfter: 'a sense of frustration and perhaps a belief that the resolutions are insufficient',
  },
  {
    revision: 'paragraphs reordered: a short claim, found by its context',
    quote: 'a sense of frustration',
    edit: (s) => `${s.replace(`${SHEA}\n`, '').trimEnd()}\n${SHEA}\n`,
    outcome: 'moved',
    quoteAfter: 'a sense of frustration',
  },
  {
    revision: 'a typo fixed inside the quote',
    quote: 'it dose not fully justify the US actions',
    edit: (s) => s.replace('it dose not fully', 'it does not fully'),
    outcome: 'changed',
    quoteAfter: 'it does not fully justify the US actions',
  },
  {
    revision: 'the same quote twice, the claim on the second, text inserted before both',
    quote: REPEATED,
    nth: 1,
    edit: (s) => s.replace('\nThe Contentious Resolution\n', '\nThe Contentious Resolution\nA new paragraph.\n'),
    outcome: 'same',
    quoteAfter: REPEATED,
    nthAfter: 1,
  },
  {
    revision: 'the same quote twice, the claim on the second, the first one deleted',
    quote: REPEATED,
    nth: 1,
    edit: (s) => s.replace(`${REPEATED}\n`, ''),
    outcome: 'same',
    quoteAfter: REPEATED,
    nthAfter: 0,
  },
  {
    revision: 'the same quote twice, the claim on the first, the second one edited',
    quote: REPEATED,
    nth: 0,
    edit: (s) => {
      const second = s.lastIndexOf(REPEATED);
      return `${s.slice(0, second)}Increased Regional Instability: a higher risk.${s.slice(second + REPEATED.length)}`;
    },
    outcome: 'same',
    quoteAfter: REPEATED,
    nthAfter: 0,
  },
  {
    revision: 'the same quote twice, the claim on the second, which is deleted (the first is another passage)',
    quote: REPEATED,
    nth: 1,
    edit: (s) => {
      const second = s.lastIndexOf(`${REPEATED}\n`);
      return s.slice(0, second) + s.slice(second + REPEATED.length + 1);
    },
    outcome: 'orphan',
  },
  {
    revision: 'the quote rewritten beyond recognition',
    quote: 'Realignment of Alliances: A possible shift in global alliances, possibly leading to new blocs',
    edit: (s) => s.replace('Realignment of Alliances: A possible shift in global alliances, possibly leading to new blocs and power dynamics.', 'Other effects: nobody can yet tell.'),
    outcome: 'orphan',
  },
];

describe('reanchorTarget on revisions of the seed article', () => {
  it.each(revisions)('$revision → $outcome', ({ quote, nth, edit, outcome, quoteAfter, nthAfter }) => {
    const target = claimOn(quote, nth);
    const v2 = textOf(edit(seed));
    expect(v2).not.toBe(v1);
    const result = reanchorTarget(versionChange(v1, v2, 2), target);
    expect(result.outcome).toBe(outcome);
    if (outcome === 'orphan') {
      expect(result.target).toEqual(target);
      return;
    }
    expect(result.target.version).toBe(2);
    expect(result.target.quote.exact).toBe(quoteAfter);
    expect(v2.slice(result.target.position.start, result.target.position.end)).toBe(quoteAfter);
    expect(result.target.position.start).toBe(indexes(v2, quoteAfter!)[nthAfter ?? 0]);
  });

  it('suggests, for a changed claim, its new place first', () => {
    const target = claimOn('it dose not fully justify the US actions');
    const v2 = textOf(seed.replace('it dose not fully', 'it does not fully'));
    const result = reanchorTarget(versionChange(v1, v2, 2), target);
    expect(result.suggestions[0]).toEqual(result.target);
  });

  it('suggests, for an orphan whose paragraph was half rewritten, what is left of it', () => {
    const quote = 'Erosion of International Norms: A weakening of the international rule of law and the potential for future violations of sovereignty.';
    const target = claimOn(quote);
    const v2 = textOf(seed.replace(quote, 'Erosion of International Norms: fewer rules, and fewer states keeping them.'));
    const result = reanchorTarget(versionChange(v1, v2, 2), target);
    expect(result.outcome).toBe('orphan');
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions[0].quote.exact).toMatch(/^Erosion of International Norms/);
    expect(result.suggestions.every((s) => s.version === 2)).toBe(true);
  });

  it('keeps every claim over an unchanged text the same', () => {
    const change = versionChange(v1, v1, 2);
    for (let start = 0; start < v1.length - 100; start += 257) {
      const target = targetFromRange(v1, start, start + 40, 1);
      const result = reanchorTarget(change, target);
      expect(result.outcome).toBe('same');
      expect(result.target.position).toEqual(target.position);
    }
  });
});
