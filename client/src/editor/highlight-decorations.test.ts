import { describe, expect, it } from 'vitest';
import type { DecorationSet } from 'prosemirror-view';
import { seedDoc } from '../test/seed-article.js';
import { buildHighlightDecorations, patchHighlightDecorations, patchedHighlights, updateHighlightDecorations, type Highlight, type PatchedHighlights } from './highlight-decorations.js';

const size = seedDoc.content.size;

/**
 * What a reader sees: at each position, the claim a click there picks, how it is marked and the
 * claims whose highlight starts there; and every badge. (A patch may cut pieces where a rebuild
 * does not; `listsEveryClaim` checks the lists of claims the pieces keep.)
 */
function drawn(set: DecorationSet) {
  const pieces = set.find().filter((d) => d.spec.claimIds);
  const at = Array.from({ length: size }, (_, pos) => {
    const piece = pieces.find((d) => d.from <= pos && d.to > pos);
    return piece ? `${piece.spec.claimIds[0]}|${[...piece.spec.classes].sort().join(' ')}|${piece.from === pos ? piece.spec.starting : ''}` : '';
  });
  const badges = set
    .find()
    .filter((d) => d.spec.claimId)
    .map((d) => `${d.from} ${d.spec.claimId} ${d.spec.label}${d.spec.focused ? ' focused' : ''}`)
    .sort();
  return { at, badges };
}

/** Every piece lists every claim covering any of its text (patches find the claims drawn over a stretch there). */
function listsEveryClaim(set: DecorationSet, highlights: readonly Highlight[]): boolean {
  const pieces = set.find().filter((d) => d.spec.claimIds);
  return highlights.every((h) => pieces.filter((d) => d.from < h.to && d.to > h.from).every((d) => d.spec.claimIds.includes(h.id)));
}

function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function someHighlight(next: () => number, id: string, number: number): Highlight {
  const from = 1 + Math.floor(next() * (size - 80));
  const verdicts = ['true', 'false', 'mixed'] as const;
  return { id, number, verdict: verdicts[Math.floor(next() * 3)], from, to: from + 1 + Math.floor(next() * 60) };
}

describe('highlight decorations, updated in place', () => {
  it.each([
    ['found in the set', undefined],
    ['kept by the plugin', new Map()],
  ])('draws the same as a whole rebuild after claims are added, moved, renumbered, removed and focused (badges %s)', (_, records) => {
    const next = random(7);
    let highlights = Array.from({ length: 60 }, (_, i) => someHighlight(next, `c${i}`, i + 1));
    let focusedId: string | null = null;
    let set = buildHighlightDecorations(seedDoc, highlights, focusedId, records);
    for (let round = 0; round < 60; round++) {
      const after = highlights.filter(() => next() > 0.05).map((h) => (next() < 0.05 ? { ...someHighlight(next, h.id, h.number) } : h));
      if (next() < 0.3) after.push(someHighlight(next, `n${round}`, 100 + round));
      if (next() < 0.2 && after.length) after[0] = { ...after[0], number: after[0].number + 1000, verdict: 'unverifiable' };
      // A claim early in reading order renumbers every claim after it.
      if (next() < 0.3) after.forEach((h, i) => i % 3 && (after[i] = { ...h, number: h.number + 1 }));
      const focused: string | null = next() < 0.4 ? (after[Math.floor(next() * after.length)]?.id ?? null) : focusedId;
      set = updateHighlightDecorations(seedDoc, set, { highlights, focusedId }, { highlights: after, focusedId: focused }, records);
      expect(drawn(set)).toEqual(drawn(buildHighlightDecorations(seedDoc, after, focused)));
      expect(listsEveryClaim(set, after)).toBe(true);
      highlights = after;
      focusedId = focused;
    }
  });

  it('keeps the decorations of claims that did not change', () => {
    const next = random(3);
    const highlights = Array.from({ length: 30 }, (_, i) => someHighlight(next, `c${i}`, i + 1));
    const set = buildHighlightDecorations(seedDoc, highlights, null);
    const added = someHighlight(next, 'new', 31);
    const updated = updateHighlightDecorations(seedDoc, set, { highlights, focusedId: null }, { highlights: [...highlights, added], focusedId: null });
    // find() copies decorations; the spec is what stays the very same object.
    const kept = set.find().filter((d) => d.spec.claimId).map((d) => d.spec);
    const specs = updated.find().map((d) => d.spec);
    expect(kept.filter((spec) => specs.includes(spec))).toHaveLength(30);
  });

  it('returns the very same set when nothing changed', () => {
    const highlights = [someHighlight(random(1), 'a', 1)];
    const set = buildHighlightDecorations(seedDoc, highlights, null);
    expect(updateHighlightDecorations(seedDoc, set, { highlights, focusedId: null }, { highlights: [...highlights], focusedId: null })).toBe(set);
  });

  it('draws patched claims (added, moved, removed) as a whole rebuild would, and the next full update agrees', () => {
    const next = random(11);
    const records = new Map();
    const highlights = Array.from({ length: 60 }, (_, i) => someHighlight(next, `c${i}`, i + 1));
    let set = buildHighlightDecorations(seedDoc, highlights, null, records);
    let patched: PatchedHighlights | undefined;
    for (let round = 0; round < 20; round++) {
      const drawnNow = patchedHighlights(highlights, patched);
      const moved = drawnNow[Math.floor(next() * drawnNow.length)];
      const gone = drawnNow[Math.floor(next() * drawnNow.length)];
      const upsert = [someHighlight(next, `n${round}`, 100 + round)];
      if (moved.id !== gone.id) upsert.push({ ...someHighlight(next, moved.id, moved.number), verdict: 'false' });
      const result = patchHighlightDecorations(seedDoc, set, { highlights, patched, focusedId: null }, { upsert, remove: [gone.id] }, records);
      set = result.decorations;
      patched = result.patched;
      const expected = patchedHighlights(highlights, patched);
      expect(expected.some((h) => h.id === gone.id)).toBe(false);
      expect(drawn(set)).toEqual(drawn(buildHighlightDecorations(seedDoc, expected, null)));
      expect(listsEveryClaim(set, expected)).toBe(true);
    }
    const final = patchedHighlights(highlights, patched).map((h, i) => ({ ...h, number: i + 1 }));
    set = updateHighlightDecorations(seedDoc, set, { highlights: patchedHighlights(highlights, patched), focusedId: null }, { highlights: final, focusedId: null }, records);
    expect(drawn(set)).toEqual(drawn(buildHighlightDecorations(seedDoc, final, null)));
  });
});
