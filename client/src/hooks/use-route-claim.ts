/**
 * Opening an article at one claim (`/articles/<id>?claim=<claimId>`, as the review queue links):
 * once that claim has arrived, its card is brought into view and focused, and any filter that
 * would hide it is cleared.
 */
import { useEffect, useRef } from 'react';
import type { Claim } from '@factdesk/shared';
import { claimMatches } from '../claims/claim-filter.js';
import { showToast, useUi } from '../store/ui-store.js';

export function useRouteClaim(claims: readonly Claim[]): void {
  const route = useUi((s) => s.route);
  const wanted = route.name === 'article' ? (route.claim ?? null) : null;
  const done = useRef<unknown>(null);
  const synced = claims.length > 0;

  useEffect(() => {
    if (!wanted || done.current === route) return;
    const claim = claims.find((c) => c.id === wanted);
    if (!claim) {
      if (synced) {
        done.current = route;
        showToast('That claim is no longer on this article.');
      }
      return;
    }
    done.current = route;
    const ui = useUi.getState();
    if (!claimMatches(claim, ui.claimFilters)) ui.clearClaimFilters();
    ui.focusClaim(wanted, 'text');
  }, [wanted, route, claims, synced]);
}
