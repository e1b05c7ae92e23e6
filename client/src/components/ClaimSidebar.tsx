/**
 * The claims of the article in reading order, as cards, with the summary strip and the filters
 * (verdict, status, author, source, text); the keyboard shortcuts move through the claims shown.
 */
import { useEffect, useMemo } from 'react';
import { canDeleteClaim, canEditClaim, type Actor, type Claim } from '@factdesk/shared';
import { useClaimShortcuts } from '../app/shortcuts-handler.js';
import { claimMatches, filtersActive } from '../claims/claim-filter.js';
import type { ArticleSession } from '../collab/index.js';
import { usePeers } from '../hooks/use-doc.js';
import { useRouteClaim } from '../hooks/use-route-claim.js';
import { useUi } from '../store/ui-store.js';
import { ClaimCard } from './ClaimCard.js';
import { ClaimEditorsContext, editorsByClaim } from './ClaimEditingBadge.js';
import { ClaimFilters } from './ClaimFilters.js';
import { SummaryStrip } from './SummaryStrip.js';
import { ClaimReviewControls } from './ClaimReviewControls.js';
import { ClaimHistory } from './ClaimHistory.js';
import { ClaimThread } from './ClaimThread.js';

export interface ClaimSidebarProps {
  session: ArticleSession;
  claims: Claim[];
  numbers: Map<string, number>;
  notFound: Set<string>;
  user: Actor;
  onShow(id: string): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
}

export function ClaimSidebar({ session, claims, numbers, notFound, user, onShow, onEdit, onDelete }: ClaimSidebarProps) {
  const filters = useUi((s) => s.claimFilters);
  const focusedId = useUi((s) => s.focus?.id ?? null);
  const shown = useMemo(() => claims.filter((c) => claimMatches(c, filters)), [claims, filters]);
  const peers = usePeers(session.awareness);
  const editors = useMemo(() => editorsByClaim(peers, user.id), [peers, user.id]);
  useClaimShortcuts(useMemo(() => shown.map((c) => c.id), [shown]));
  useRouteClaim(claims);
  // Filters belong to one visit of one article.
  useEffect(() => () => useUi.getState().clearClaimFilters(), []);

  return (
    <section className="claim-sidebar" aria-labelledby="claims-heading">
      <div className="claim-sidebar-head">
        <h2 id="claims-heading">
          Claims <span className="count">({claims.length})</span>
        </h2>
      </div>
      <SummaryStrip claims={claims} />
      {claims.length > 0 && <ClaimFilters claims={claims} />}
      {filtersActive(filters) && (
        <p className="claim-filter-result" role="status">
          Showing {shown.length} of {claims.length} claims.
        </p>
      )}
      {claims.length === 0 && <p className="empty">No claims yet. Select text in the article and choose Annotate.</p>}
      {claims.length > 0 && shown.length === 0 && <p className="empty">No claims match the filters.</p>}
      <ClaimEditorsContext.Provider value={editors}>
        <ol className="claim-list">
          {shown.map((claim) => {
            const number = numbers.get(claim.id) ?? 0;
            return (
              <li key={claim.id}>
                <ClaimCard
                  claim={claim}
                  number={number}
                  found={!notFound.has(claim.id)}
                  focused={claim.id === focusedId}
                  canEdit={canEditClaim(user, claim)}
                  canDelete={canDeleteClaim(user, claim)}
                  onShow={() => onShow(claim.id)}
                  onEdit={() => onEdit(claim.id)}
                  onDelete={() => onDelete(claim.id)}
                >
                  <ClaimReviewControls session={session} user={user} claim={claim} number={number} />
                  <ClaimThread session={session} user={user} claim={claim} number={number} />
                  <ClaimHistory claim={claim} number={number} />
                </ClaimCard>
              </li>
            );
          })}
        </ol>
      </ClaimEditorsContext.Provider>
    </section>
  );
}
