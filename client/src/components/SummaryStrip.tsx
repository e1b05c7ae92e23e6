/**
 * The article's claims at a glance: how many per verdict and per status. Each count is a toggle
 * that filters the sidebar to those claims ("3 claims False"); pressing it again shows all.
 */
import { STATUS_LABELS, VERDICTS, type Claim, type ClaimStatus } from '@factdesk/shared';
import { countClaims } from '../claims/claim-filter.js';
import { useUi } from '../store/ui-store.js';
import { STATUS_ICONS } from './StatusLabel.js';
import { verdictColour } from './VerdictLabel.js';

const STATUS_ORDER: ClaimStatus[] = ['draft', 'in-review', 'changes-requested', 'approved'];

/** "3" on screen, "3 claims" to a screen reader: the button's name reads "3 claims False". */
function Count({ n }: { n: number }) {
  return (
    <>
      {n}
      <span className="visually-hidden"> {n === 1 ? 'claim' : 'claims'}</span>
    </>
  );
}

export function SummaryStrip({ claims }: { claims: readonly Claim[] }) {
  const filters = useUi((s) => s.claimFilters);
  const setFilters = useUi((s) => s.setClaimFilters);
  if (claims.length === 0) return null;
  const counts = countClaims(claims);

  return (
    <div className="summary-strip" role="group" aria-label="Claims by verdict and status">
      <ul className="summary-strip-row" aria-label="By verdict">
        {VERDICTS.filter((v) => counts.byVerdict[v.id] > 0).map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className={`summary-count verdict-${v.id}`}
              style={verdictColour(v.id)}
              aria-pressed={filters.verdict === v.id}
              onClick={() => setFilters({ verdict: filters.verdict === v.id ? null : v.id })}
            >
              <span aria-hidden="true">{v.icon}</span> <Count n={counts.byVerdict[v.id]} /> {v.label}
            </button>
          </li>
        ))}
      </ul>
      <ul className="summary-strip-row" aria-label="By status">
        {STATUS_ORDER.filter((s) => counts.byStatus[s] > 0).map((s) => (
          <li key={s}>
            <button
              type="button"
              className={`summary-count status--${s}`}
              aria-pressed={filters.status === s}
              onClick={() => setFilters({ status: filters.status === s ? null : s })}
            >
              <span aria-hidden="true">{STATUS_ICONS[s]}</span> <Count n={counts.byStatus[s]} /> {STATUS_LABELS[s]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
