/**
 * An article's claims counted by status and verdict, as the article list shows them: words and
 * icons, never colour alone. Only the counts that are not zero are listed.
 */
import { STATUS_LABELS, VERDICTS, type ClaimStatus } from '@factdesk/shared';
import type { ClaimCountsValue } from '../api/documents.js';
import { STATUS_ICONS } from './StatusLabel.js';

const STATUS_ORDER: ClaimStatus[] = ['in-review', 'changes-requested', 'approved', 'draft'];

export function ClaimCounts({ counts }: { counts: ClaimCountsValue | undefined }) {
  if (!counts) return null;
  if (counts.total === 0) return <span className="claim-counts claim-counts--none">No claims yet</span>;
  const statuses = STATUS_ORDER.filter((s) => (counts.byStatus[s] ?? 0) > 0);
  const verdicts = VERDICTS.filter((v) => (counts.byVerdict[v.id] ?? 0) > 0);
  return (
    <span className="claim-counts">
      <span className="claim-counts-total">{counts.total === 1 ? '1 claim' : `${counts.total} claims`}</span>
      <span className="visually-hidden">: </span>
      <span className="claim-counts-group">
        {statuses.map((s) => (
          <span key={s} className={`claim-count status--${s}`}>
            <span aria-hidden="true">{STATUS_ICONS[s]}</span> {counts.byStatus[s]} {STATUS_LABELS[s]}
            <span className="visually-hidden">,</span>
          </span>
        ))}
      </span>
      <span className="claim-counts-group">
        {verdicts.map((v) => (
          <span key={v.id} className={`claim-count verdict-${v.id}`}>
            <span aria-hidden="true">{v.icon}</span> {counts.byVerdict[v.id]} {v.label}
            <span className="visually-hidden">,</span>
          </span>
        ))}
      </span>
    </span>
  );
}
