/**
 * The claim sidebar's filters: verdict, status, author, source domain and free text, with
 * "Clear filters". The choices come from the claims on the article; the values are UI state.
 */
import { useId } from 'react';
import { CLAIM_STATUSES, STATUS_LABELS, VERDICTS, isVerdictId, type Claim, type ClaimStatus } from '@factdesk/shared';
import { claimAuthors, claimDomains } from '../claims/claim-filter.js';
import { useUi } from '../store/ui-store.js';

export function ClaimFilters({ claims }: { claims: readonly Claim[] }) {
  const filters = useUi((s) => s.claimFilters);
  const setFilters = useUi((s) => s.setClaimFilters);
  const clear = useUi((s) => s.clearClaimFilters);
  const id = useId();
  const authors = claimAuthors(claims);
  const domains = claimDomains(claims);
  // A filter on someone or something no longer on the article still shows as chosen.
  if (filters.author && !authors.some((a) => a.id === filters.author)) authors.push({ id: filters.author, name: 'someone no longer here' });
  if (filters.domain && !domains.includes(filters.domain)) domains.push(filters.domain);

  return (
    <div className="claim-filters" role="search" aria-label="Filter claims">
      <label htmlFor={`${id}-text`}>Search claims</label>
      <input
        id={`${id}-text`}
        type="search"
        value={filters.text}
        maxLength={200}
        onChange={(e) => setFilters({ text: e.target.value })}
      />
      <label htmlFor={`${id}-verdict`}>Filter by verdict</label>
      <select id={`${id}-verdict`} value={filters.verdict ?? ''} onChange={(e) => setFilters({ verdict: isVerdictId(e.target.value) ? e.target.value : null })}>
        <option value="">Any verdict</option>
        {VERDICTS.map((v) => (
          <option key={v.id} value={v.id}>
            {v.icon} {v.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-status`}>Filter by status</label>
      <select
        id={`${id}-status`}
        value={filters.status ?? ''}
        onChange={(e) => setFilters({ status: (CLAIM_STATUSES as readonly string[]).includes(e.target.value) ? (e.target.value as ClaimStatus) : null })}
      >
        <option value="">Any status</option>
        {CLAIM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-author`}>Filter by author</label>
      <select id={`${id}-author`} value={filters.author ?? ''} onChange={(e) => setFilters({ author: e.target.value || null })}>
        <option value="">Anyone</option>
        {authors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-domain`}>Filter by source</label>
      <select id={`${id}-domain`} value={filters.domain ?? ''} onChange={(e) => setFilters({ domain: e.target.value || null })}>
        <option value="">Any source</option>
        {domains.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <button type="button" onClick={clear}>
        Clear filters
      </button>
    </div>
  );
}
