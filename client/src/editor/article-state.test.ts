import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { seedIndex, seedJSON } from '../test/seed-article.js';
import { articleNode, createArticleState, selectedTextRange } from './article-state.js';

describe('article state', () => {
  const state = createArticleState(articleNode(seedJSON), []);

  it('holds the article as the server stored it', () => {
    expect(state.doc.firstChild?.type.name).toBe('heading');
    expect(state.doc.firstChild?.attrs.level).toBe(1);
  });

  it('turns a selection into a canonical text range without the spaces around it', () => {
    const quote = ' Riyadh, Saudi Arabia, ';
    const start = seedIndex.text.indexOf(quote);
    const { from, to } = seedIndex.rangeToPositions(start, start + quote.length);
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    const range = selectedTextRange(selected, seedIndex)!;
    expect(seedIndex.text.slice(range.start, range.end)).toBe('Riyadh, Saudi Arabia,');
  });

  it('has no range for an empty selection', () => {
    expect(selectedTextRange(state, seedIndex)).toBeNull();
  });
});
