import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { claimsOn, seedDoc, seedIndex } from '../test/seed-article.js';
import { placeClaims } from './claim-placement.js';
import { badgeLabel, buildHighlightDecorations, highlightsKey, highlightsPlugin, setHighlights, type Highlight } from './highlights-plugin.js';

const noop = { onActivate: () => {} };

function highlightsOf(quotes: Parameters<typeof claimsOn>[0]): Highlight[] {
  const { claims } = claimsOn(quotes);
  return placeClaims(claims, seedIndex).placed.map((p) => ({ id: p.claim.id, number: p.number, verdict: p.claim.verdict, from: p.from, to: p.to }));
}

const inlines = (decos: Decoration[]) => decos.filter((d) => d.from !== d.to);
const badges = (decos: Decoration[]) => decos.filter((d) => d.from === d.to);

describe('highlights plugin', () => {
  it('highlights a claim on the seed article exactly over its quote, with a badge at its start', () => {
    const quote = 'both the United States and Russia voted against a resolution';
    const [h] = highlightsOf([{ quote, verdict: 'true' }]);
    const decos = buildHighlightDecorations(seedDoc, [h], null).find();
    const [inline] = inlines(decos);
    expect(seedDoc.textBetween(inline.from, inline.to)).toBe(quote);
    expect(inline.spec.classes).toContain('verdict-true');
    expect(inline.spec.claimIds).toEqual([h.id]);
    expect(badges(decos).map((d) => [d.from, d.spec.label])).toEqual([[h.from, 'Claim 1: True']]);
  });

  it('splits nested claims into pieces that list every claim covering them, innermost first', () => {
    const [outer, inner] = highlightsOf([
      { quote: 'both the United States and Russia voted against a resolution', verdict: 'mixed' },
      { quote: 'Russia voted against', verdict: 'false' },
    ]);
    const decos = inlines(buildHighlightDecorations(seedDoc, [outer, inner], null).find());
    expect(decos.map((d) => seedDoc.textBetween(d.from, d.to))).toEqual(['both the United States and ', 'Russia voted against', ' a resolution']);
    expect(decos.map((d) => d.spec.claimIds)).toEqual([[outer.id], [inner.id, outer.id], [outer.id]]);
    expect(decos[1].spec.classes).toEqual(expect.arrayContaining(['verdict-false', 'claim-highlight--nested']));
  });

  it('draws no cut where a claim only ends and the innermost claim and its look stay the same', () => {
    const claim = (id: string, number: number, from: number, to: number): Highlight => ({ id, number, verdict: 'mixed', from, to });
    const [first, second, inner] = [claim('first', 1, 10, 35), claim('second', 2, 15, 50), claim('inner', 3, 20, 40)];
    const pieces = inlines(buildHighlightDecorations(seedDoc, [first, second, inner], null).find());
    // "first" ends at 35 inside "inner", which stays the innermost claim there: one piece from 20 to 40.
    expect(pieces.map((d) => [d.from, d.to, d.spec.claimIds[0]])).toEqual([
      [10, 15, 'first'],
      [15, 20, 'first'],
      [20, 40, 'inner'],
      [40, 50, 'second'],
    ]);
    expect(pieces[2].spec.claimIds).toEqual(['inner', 'first', 'second']);
    expect(pieces.map((d) => d.spec.starting)).toEqual(['first', 'second', 'inner', '']);
  });

  it('keeps a badge for each of two claims that start at the same place', () => {
    const hs = highlightsOf([
      { quote: 'UNITED NATIONS,New York', verdict: 'true' },
      { quote: 'UNITED NATIONS', verdict: 'unverifiable' },
    ]);
    const labels = badges(buildHighlightDecorations(seedDoc, hs, null).find()).map((d) => d.spec.label);
    expect(labels.sort()).toEqual(['Claim 1: True', 'Claim 2: Unverifiable']);
  });

  it('marks every piece of the focused claim, and only those', () => {
    const [outer, inner] = highlightsOf([
      { quote: 'both the United States and Russia voted against a resolution', verdict: 'mixed' },
      { quote: 'Russia voted against', verdict: 'false' },
    ]);
    const decos = inlines(buildHighlightDecorations(seedDoc, [outer, inner], inner.id).find());
    expect(decos.map((d) => d.spec.classes.includes('claim-highlight--focused'))).toEqual([false, true, false]);
  });

  it('takes new claims and the focused claim from a transaction, and maps them through edits', () => {
    const [h] = highlightsOf([{ quote: 'Riyadh, Saudi Arabia', verdict: 'true' }]);
    let state = EditorState.create({ doc: seedDoc, plugins: [highlightsPlugin(noop)] });
    expect(highlightsKey.getState(state)?.decorations.find()).toEqual([]);

    state = state.apply(setHighlights(state.tr, { highlights: [h] }));
    state = state.apply(setHighlights(state.tr, { focusedId: h.id }));
    const plugin = highlightsKey.getState(state)!;
    expect(plugin.focusedId).toBe(h.id);
    expect(inlines(plugin.decorations.find())[0].spec.classes).toContain('claim-highlight--focused');

    state = state.apply(state.tr.insertText('Breaking: ', 2));
    const [moved] = inlines(highlightsKey.getState(state)!.decorations.find());
    expect(state.doc.textBetween(moved.from, moved.to)).toBe('Riyadh, Saudi Arabia');
  });

  it('names a badge by its number and verdict', () => {
    expect(badgeLabel(3, 'false')).toBe('Claim 3: False');
    expect(badgeLabel(12, 'not-a-claim')).toBe('Claim 12: Not a factual claim');
  });
});
