/** Which screen is showing. The router writes it; screens read it. */
import type { StateCreator } from 'zustand';
import type { Route } from '../app/routes.js';
import type { UiState } from './ui-store.js';

export interface RouteSlice {
  route: Route;
  setRoute(route: Route): void;
}

export const createRouteSlice =
  (initial: Route): StateCreator<UiState, [], [], RouteSlice> =>
  (set) => ({
    route: initial,
    setRoute: (route) => set({ route }),
  });
