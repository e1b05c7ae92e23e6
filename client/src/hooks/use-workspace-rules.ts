/**
 * The workspace rules for React: loads them on first use, asks again when the window gets
 * the focus back (an admin may have changed them meanwhile), and re-renders when they change.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { RuleOptions } from '@factdesk/shared';
import { currentRules, loadRules, subscribeRules } from '../settings/workspace-rules.js';

/** The rules in force (the defaults until the server has answered). */
export function useWorkspaceRules(): RuleOptions {
  useEffect(() => {
    void loadRules();
    const again = () => void loadRules(true);
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, []);
  return useSyncExternalStore(subscribeRules, currentRules);
}
