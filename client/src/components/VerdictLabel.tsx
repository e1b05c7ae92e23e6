/** A verdict as icon and words (colour is only a second cue). */
import type { CSSProperties } from 'react';
import { verdict, type VerdictId } from '@factdesk/shared';

/** The style that gives an element its verdict's colour (as the CSS variable --v). */
export function verdictColour(id: VerdictId): CSSProperties {
  return { '--v': verdict(id).colour } as CSSProperties;
}

export function VerdictLabel({ id }: { id: VerdictId }) {
  const v = verdict(id);
  return (
    <span className={`verdict-label verdict-${v.id}`} style={verdictColour(v.id)}>
      <span className="verdict-icon" aria-hidden="true">
        {v.icon}
      </span>{' '}
      {v.label}
    </span>
  );
}
