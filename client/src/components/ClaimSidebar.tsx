/** The claims of the article in reading order, as cards, with a verdict filter. */
import { VERDICTS, canDeleteClaim, canEditClaim, type Actor, type Claim, type VerdictId } from '@factdesk/shared';
import type { ArticleSession } from '../collab/index.js';
import { useUi } from '../store/ui-store.js';
import { ClaimCard } from './ClaimCard.js';
import { ClaimReviewControls } from './ClaimReviewControls.js';

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
  const filter = useUi((s) => s.verdictFilter);
  const setFilter = useUi((s) => s.setVerdictFilter);
  const focusedId = useUi((s) => s.focus?.id ?? null);
  const shown = filter === 'all' ? claims : claims.filter((c) => c.verdict === filter);

  return (
    <section className="claim-sidebar" aria-labelledby="claims-heading">
      <div className="claim-sidebar-head">
        <h2 id="claims-heading">
          Claims <span className="count">({claims.length})</span>
        </h2>
        <div className="filter">
          <label htmlFor="claim-filter">Show</label>{' '}
          <select id="claim-filter" value={filter} onChange={(e) => setFilter(e.target.value as VerdictId | 'all')}>
            <option value="all">All claims</option>
            {VERDICTS.map((v) => (
              <option key={v.id} value={v.id}>
                {v.icon} {v.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {claims.length === 0 && <p className="empty">No claims yet. Select text in the article and choose Annotate.</p>}
      {claims.length > 0 && shown.length === 0 && <p className="empty">No claims with this verdict.</p>}
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
              </ClaimCard>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
