/** A verdict as icon and words (colour is only a second cue). */
import { verdict, type VerdictId } from '@factdesk/shared';

export function VerdictLabel({ id }: { id: VerdictId }) {
  const v = verdict(id);
  return (
    <span className={`verdict-label verdict-${v.id}`}>
      <span className="verdict-icon" aria-hidden="true">
        {v.icon}
      </span>{' '}
      {v.label}
    </span>
  );
}
