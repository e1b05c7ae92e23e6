/**
 * The workspace rules the app applies when it decides which controls to show and what a
 * command may do — the same ones the server enforces. Fetched from the server once per
 * page load (and after an admin changes them here); until then, and when the server cannot
 * be reached, the defaults apply (the stricter choice: the two-person rule on).
 */
import { DEFAULT_RULES, type RuleOptions } from '@factdesk/shared';
import { fetchSettings } from '../api/settings.js';

let rules: RuleOptions = DEFAULT_RULES;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** The rules in force, as last heard from the server. */
export function currentRules(): RuleOptions {
  return rules;
}

/** Replaces the rules (after a fetch, or when an admin saved new ones). */
export function setRules(next: RuleOptions): void {
  if (next.twoPersonRule === rules.twoPersonRule) return;
  rules = { ...next };
  listeners.forEach((listener) => listener());
}

/** Asks the server for the rules, once per page load unless `again`. */
export function loadRules(again = false): Promise<void> {
  if (!loading || again) {
    loading = fetchSettings().then(setRules, () => {
      loading = null; // try again on next use
    });
  }
  return loading;
}

/** Calls `listener` whenever the rules change; returns the unsubscribe function. */
export function subscribeRules(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
