/**
 * Messages for the person at the screen (saved, refused, signed out), read aloud through a live
 * region. Errors are announced assertively, everything else politely.
 */
import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store.js';

export type ToastTone = 'info' | 'error';

export interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
}

export interface ToastsSlice {
  toasts: Toast[];
  /** Shows a message; returns its id. */
  showToast(text: string, tone?: ToastTone): number;
  dismissToast(id: number): void;
}

/** More than this many messages at once is noise: the oldest go. */
const MAX_TOASTS = 4;
let nextToastId = 1;

export const createToastsSlice: StateCreator<UiState, [], [], ToastsSlice> = (set) => ({
  toasts: [],
  showToast(text, tone = 'info') {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts, { id, text, tone }].slice(-MAX_TOASTS) }));
    return id;
  },
  dismissToast(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
});
