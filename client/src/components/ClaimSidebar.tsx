/**
 * The claims of the article in reading order, as cards, with the summary strip and the filters
 * (verdict, status, author, source, text); the keyboard shortcuts move through the claims shown.
 * A long list is rendered a chunk at a time (more as its end scrolls into view or on "Show
 * more"), always far enough to hold the focused claim, so ten thousand cards do not all have
 * to be built and laid out before the article can be read.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { canDeleteClaim, canEditClaim, type Actor, type Claim } from '@factdesk/shared';
import { useClaimShortcuts } from '../app/shortcuts-handler.js';
import { claimMatches, filtersActive } from '../claims/claim-filter.js';
import type { ArticleSession } from '../collab/index.js';
import { usePeers } from '../hooks/use-doc.js';
import { useAfterPaint } from '../hooks/use-after-paint.js';
import { useRouteClaim } from '../hooks/use-route-claim.js';
import { useUi } from '../store/ui-store.js';
import { ClaimCard } from './ClaimCard.js';
import { ErrorBoundary } from './ErrorBoundary.js';
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
  // On a long list the cards, the summary and the filters' choices follow a change in the frame
  // after it, so a new claim's highlight is painted first.
  const current = useMemo(() => ({ claims, numbers, notFound }), [claims, numbers, notFound]);
  const listed = useAfterPaint(current, claims.length > CHUNK);
  const shown = useMemo(() => listed.claims.filter((c) => claimMatches(c, filters)), [listed.claims, filters]);
  const peers = usePeers(session.awareness);
  const editors = useMemo(() => editorsByClaim(peers, user.id), [peers, user.id]);
  useClaimShortcuts(useMemo(() => shown.map((c) => c.id), [shown]));
  useRouteClaim(claims);
  // Filters belong to one visit of one article.
  useEffect(() => () => useUi.getState().clearClaimFilters(), []);
  const focusedAt = useMemo(() => (focusedId ? shown.findIndex((c) => c.id === focusedId) : -1), [shown, focusedId]);
  const { count, more } = useGrowingCount(shown.length, focusedAt);
  const rendered = useMemo(() => shown.slice(0, count), [shown, count]);
  const actions = useRef({ onShow, onEdit, onDelete });
  useLayoutEffect(() => {
    actions.current = { onShow, onEdit, onDelete };
  });
  const cardActions = useMemo<CardActions>(
    () => ({
      show: (id) => actions.current.onShow(id),
      edit: (id) => actions.current.onEdit(id),
      remove: (id) => actions.current.onDelete(id),
    }),
    [],
  );

  return (
    <section className="claim-sidebar" aria-labelledby="claims-heading">
      <div className="claim-sidebar-head">
        <h2 id="claims-heading">
          Claims <span className="count">({listed.claims.length})</span>
        </h2>
      </div>
      <Summary claims={listed.claims} />
      {listed.claims.length > 0 && <Filters claims={listed.claims} />}
      {filtersActive(filters) && (
        <p className="claim-filter-result" role="status">
          Showing {shown.length} of {listed.claims.length} claims.
        </p>
      )}
      {listed.claims.length === 0 && <p className="empty">No claims yet. Select text in the article and choose Annotate.</p>}
      {listed.claims.length > 0 && shown.length === 0 && <p className="empty">No claims match the filters.</p>}
      <ClaimEditorsContext.Provider value={editors}>
        <ol className="claim-list">
          <Cards
            claims={rendered}
            numbers={listed.numbers}
            notFound={listed.notFound}
            focusedId={focusedId}
            user={user}
            session={session}
            actions={cardActions}
          />
          {count < shown.length && <MoreClaims left={shown.length - count} onMore={more} />}
        </ol>
      </ClaimEditorsContext.Provider>
    </section>
  );
}

interface CardActions {
  show(id: string): void;
  edit(id: string): void;
  remove(id: string): void;
}

interface CardsProps {
  claims: readonly Claim[];
  numbers: Map<string, number>;
  notFound: Set<string>;
  focusedId: string | null;
  user: Actor;
  session: ArticleSession;
  actions: CardActions;
}

/** The rendered cards; skipped by React when none of its inputs changed. */
const Cards = memo(function Cards({ claims, numbers, notFound, focusedId, user, session, actions }: CardsProps) {
  return claims.map((claim) => {
    const number = numbers.get(claim.id) ?? 0;
    return (
      <li key={claim.id}>
        <ErrorBoundary fallback={(error) => <CardFailed number={number} error={error} />}>
          <ClaimCard
            claim={claim}
            number={number}
            found={!notFound.has(claim.id)}
            focused={claim.id === focusedId}
            canEdit={canEditClaim(user, claim)}
            canDelete={canDeleteClaim(user, claim)}
            onShow={() => actions.show(claim.id)}
            onEdit={() => actions.edit(claim.id)}
            onDelete={() => actions.remove(claim.id)}
          >
            <ClaimReviewControls session={session} user={user} claim={claim} number={number} />
            <ClaimThread session={session} user={user} claim={claim} number={number} />
            <ClaimHistory claim={claim} number={number} />
          </ClaimCard>
        </ErrorBoundary>
      </li>
    );
  });
});

/** A card that could not be drawn: the claim stays in the list, with the reason. */
function CardFailed({ number, error }: { number: number; error: Error }) {
  return (
    <article className="claim-card claim-card--failed">
      <h3 className="claim-card-title">Claim {number}</h3>
      <p role="alert">This claim could not be shown: {error.message}</p>
    </article>
  );
}

/** Lists up to this long are rendered whole; longer ones a chunk at a time. */
const CHUNK = 100;

const Summary = memo(SummaryStrip);
const Filters = memo(ClaimFilters);

/** How many cards to render: a chunk more each time `more` is called, and always up to the focused one. */
function useGrowingCount(total: number, focusedAt: number): { count: number; more(): void } {
  const [chunks, setChunks] = useState(1);
  const wanted = Math.max(chunks * CHUNK, focusedAt + 1 + CHUNK / 2);
  return { count: Math.min(total, wanted), more: () => setChunks(Math.ceil(wanted / CHUNK) + 1) };
}

/** The end of a partly rendered list: renders more when it scrolls into view, or when pressed. */
function MoreClaims({ left, onMore }: { left: number; onMore(): void }) {
  const item = useRef<HTMLLIElement>(null);
  const latest = useRef(onMore);
  useLayoutEffect(() => {
    latest.current = onMore;
  });
  useEffect(() => {
    const node = item.current;
    if (!node || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) latest.current();
    }, { rootMargin: '600px 0px' });
    observer.observe(node);
    return () => observer.disconnect();
  }, [left]);
  return (
    <li ref={item} className="claim-list-more">
      <button type="button" onClick={onMore}>
        Show more claims ({left} not shown yet)
      </button>
    </li>
  );
}
