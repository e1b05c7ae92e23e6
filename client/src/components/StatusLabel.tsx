/** A claim's review status as icon and words, like a verdict: never shown by colour alone. */
import { STATUS_LABELS, type ClaimStatus } from '@factdesk/shared';

/** The icon beside each status (the words always go with it). */
export const STATUS_ICONS: Record<ClaimStatus, string> = {
  draft: '✎',
  'in-review': '◷',
  approved: '✓',
  'changes-requested': '↩',
};

export function StatusLabel({ status }: { status: ClaimStatus }) {
  return (
    <span className={`status status--${status}`}>
      <span className="status-icon" aria-hidden="true">
        {STATUS_ICONS[status] ?? '•'}
      </span>{' '}
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}
