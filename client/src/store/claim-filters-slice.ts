/**
 * The claim sidebar's filters (verdict, status, author, source domain, free text): local UI
 * state of the article page. Which claims pass is decided by claims/claim-filter.ts.
 */
import type { StateCreator } from 'zustand';
import { NO_FILTERS, type ClaimFilters } from '../claims/claim-filter.js';
import type { UiState } from './ui-store.js';

export interface ClaimFiltersSlice {
  claimFilters: ClaimFilters;
  /** Sets some filters, keeping the others. */
  setClaimFilters(patch: Partial<ClaimFilters>): void;
  clearClaimFilters(): void;
}

export const createClaimFiltersSlice: StateCreator<UiState, [], [], ClaimFiltersSlice> = (set) => ({
  claimFilters: NO_FILTERS,
  setClaimFilters: (patch) => set((s) => ({ claimFilters: { ...s.claimFilters, ...patch } })),
  clearClaimFilters: () => set({ claimFilters: NO_FILTERS }),
});
