import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { seedDoc } from '../test/seed-article.js';
import { BADGES_NEAR_VIEWPORT_FROM, highlightsKey, highlightsPlugin, setHighlights, type Highlight, type HighlightsUpdate } from './highlights-plugin.js';
import { blockAt } from './near-viewport.js';

const size = seedDoc.content.size;

/** `count` claims spread evenly over the whole article, numbered in reading order. */
function spread(count: number): Highlight[] {
  const step = Math.floor((size - 40) / count);
  return Array.from({ length: count }, (_, i) => ({ id: `c${i}`, number: i + 1, verdict: 'true' as const, from: 1 + i * step, to: 1 + i * step + 20 }));
}

function open(highlights: Highlight[]) {
  let state = EditorState.create({ doc: seedDoc, plugins: [highlightsPlugin({ onActivate: () => {} })] });
  const apply = (update: HighlightsUpdate) => (state = state.apply(setHighlights(state.tr, update)));
  apply({ highlights });
  const decorations = () => highlightsKey.getState(state)!.decorations.find();
  return {
    apply,
    /** Badges drawn: claim id → label. */
    badges: () => new Map(decorations().filter((d) => d.spec.claimId).map((d): [string, string] => [d.spec.claimId, d.spec.label])),
    /** Every claim that has a highlight piece. */
    highlighted: () => new Set(decorations().flatMap((d: Decoration) => (d.spec.claimIds as string[] | undefined) ?? [])),
  };
}

const inBlock = (highlights: Highlight[], block: number) => highlights.filter((h) => blockAt(seedDoc, h.from) === block).map((h) => h.id);

describe('badges on a long article', () => {
  const many = spread(BADGES_NEAR_VIEWPORT_FROM + 100);
  const far = blockAt(seedDoc, many[many.length - 1].from);

  it('draws every highlight at once, and badges only in the blocks that come near the viewport', () => {
    const view = open(many);
    expect(view.highlighted().size).toBe(many.length);
    expect(view.badges().size).toBe(0);

    view.apply({ near: [2, 3] });
    const near = [...inBlock(many, 2), ...inBlock(many, 3)];
    expect(near.length).toBeGreaterThan(0);
    expect([...view.badges().keys()].sort()).toEqual(near.sort());

    // A block keeps its badges once drawn.
    view.apply({ near: [far] });
    expect([...view.badges().keys()].sort()).toEqual([...near, ...inBlock(many, far)].sort());
  });

  it('draws the badges of the block holding the focused claim, so it can be brought into view', () => {
    const view = open(many);
    const last = many[many.length - 1];
    view.apply({ focusedId: last.id });
    expect(view.badges().get(last.id)).toBe(`Claim ${many.length}: True`);
    expect([...view.badges().keys()].sort()).toEqual(inBlock(many, far).sort());
  });

  it('gives a badge drawn later the number its claim has by then', () => {
    const view = open(many);
    const first = { id: 'new', number: 1, verdict: 'false' as const, from: 1, to: 5 };
    view.apply({ highlights: [first, ...many.map((h) => ({ ...h, number: h.number + 1 }))] });
    view.apply({ near: [far] });
    const last = many[many.length - 1];
    expect(view.badges().get(last.id)).toBe(`Claim ${many.length + 1}: True`);
  });

  it('draws a remote claim in a far block without its badge, and with it in a near one', () => {
    const view = open(many);
    view.apply({ near: [0] });
    const top = { id: 'remote-top', number: 2, verdict: 'mixed' as const, from: 3, to: 9 };
    const bottom = { id: 'remote-bottom', number: many.length + 1, verdict: 'mixed' as const, from: size - 30, to: size - 10 };
    view.apply({ patch: { upsert: [top, bottom], remove: [] } });
    expect(view.highlighted()).toContain('remote-bottom');
    expect(view.badges().has('remote-bottom')).toBe(false);
    expect(view.badges().get('remote-top')).toBe('Claim 2: Mixed');
  });

  it(`draws every badge up to ${BADGES_NEAR_VIEWPORT_FROM} claims, and redraws by the rule when a change crosses it`, () => {
    const few = spread(BADGES_NEAR_VIEWPORT_FROM);
    const view = open(few);
    expect(view.badges().size).toBe(few.length);
    view.apply({ near: [0] });

    const more = [...few, { id: 'one-more', number: few.length + 1, verdict: 'true' as const, from: size - 30, to: size - 10 }];
    view.apply({ highlights: more });
    expect([...view.badges().keys()].sort()).toEqual(inBlock(more, 0).sort());

    view.apply({ highlights: few });
    expect(view.badges().size).toBe(few.length);
  });
});

describe('blockAt', () => {
  it('finds the top-level block holding a position', () => {
    let last = -1;
    seedDoc.forEach((node, offset, index) => {
      expect(blockAt(seedDoc, offset)).toBe(index);
      expect(blockAt(seedDoc, offset + node.nodeSize - 1)).toBe(index);
      last = index;
    });
    expect(blockAt(seedDoc, size)).toBe(last);
  });
});
