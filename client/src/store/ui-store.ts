/**
 * The app's local UI state, one zustand store made of slices: route, article page, toasts.
 * Shared data (articles, claims, presence) lives in the Y.Doc and is never copied here.
 */
import { create } from 'zustand';
import { parseRoute } from '../app/routes.js';
import { createArticleSlice, type ArticleSlice } from './article-slice.js';
import { createClaimFiltersSlice, type ClaimFiltersSlice } from './claim-filters-slice.js';
import { createRouteSlice, type RouteSlice } from './route-slice.js';
import { createToastsSlice, type ToastsSlice } from './toasts-slice.js';

export type UiState = RouteSlice & ArticleSlice & ClaimFiltersSlice & ToastsSlice;
export type { TextRange, ClaimFocus, ClaimEditorPanel, FocusOrigin } from './article-slice.js';
export type { Toast, ToastTone } from './toasts-slice.js';

const initialPath = typeof location === 'undefined' ? '/' : location.pathname + location.search;

export const useUi = create<UiState>()((...a) => ({
  ...createRouteSlice(parseRoute(initialPath))(...a),
  ...createArticleSlice(...a),
  ...createClaimFiltersSlice(...a),
  ...createToastsSlice(...a),
}));

/** Shows a message in the live region (usable outside React). */
export function showToast(text: string, tone?: 'info' | 'error'): number {
  return useUi.getState().showToast(text, tone);
}
