/**
 * What the person is doing on the article page: the text they selected (as canonical text
 * offsets), the claim in focus, the claim editor panel and the sidebar filter. The claims
 * themselves are never kept here — they are read from the Y.Doc.
 */
import type { StateCreator } from 'zustand';
import type { VerdictId } from '@factdesk/shared';
import type { UiState } from './ui-store.js';

export interface TextRange {
  start: number;
  end: number;
}

/** Where a claim was put in focus from, so the other side scrolls to it. */
export type FocusOrigin = 'text' | 'sidebar';

export interface ClaimFocus {
  id: string;
  origin: FocusOrigin;
  /** Increases on every request, so focusing the same claim twice scrolls again. */
  seq: number;
}

export type ClaimEditorPanel =
  | { mode: 'create'; range: TextRange }
  | { mode: 'edit'; claimId: string };

export interface ArticleSlice {
  selection: TextRange | null;
  focus: ClaimFocus | null;
  editor: ClaimEditorPanel | null;
  verdictFilter: VerdictId | 'all';
  setSelection(range: TextRange | null): void;
  focusClaim(id: string | null, origin?: FocusOrigin): void;
  openEditor(panel: ClaimEditorPanel): void;
  closeEditor(): void;
  setVerdictFilter(filter: VerdictId | 'all'): void;
  /** Leaving an article forgets everything about it. */
  resetArticle(): void;
}

let focusSeq = 0;

export const createArticleSlice: StateCreator<UiState, [], [], ArticleSlice> = (set) => ({
  selection: null,
  focus: null,
  editor: null,
  verdictFilter: 'all',
  setSelection: (range) =>
    set((s) => (sameRange(s.selection, range) ? s : { selection: range && range.end > range.start ? range : null })),
  focusClaim: (id, origin = 'sidebar') => set({ focus: id ? { id, origin, seq: ++focusSeq } : null }),
  openEditor: (panel) => set({ editor: panel }),
  closeEditor: () => set({ editor: null }),
  setVerdictFilter: (verdictFilter) => set({ verdictFilter }),
  resetArticle: () => set({ selection: null, focus: null, editor: null, verdictFilter: 'all' }),
});

function sameRange(a: TextRange | null, b: TextRange | null): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
}
