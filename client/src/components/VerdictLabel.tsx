/** A verdict as icon and words (colour is only a second cue). */
import type { CSSProperties } from 'react';
import { INVALID_VERDICT, isVerdictId, shownVerdict, verdict, type VerdictId } from '@factdesk/shared';

/** The style that gives an element its verdict's colour (as the CSS variable --v). */
export function verdictColour(id: VerdictId): CSSProperties {
  return { '--v': isVerdictId(id) ? verdict(id).colour : INVALID_VERDICT.colour } as CSSProperties;
}

/** `invalid`: the claim's stored verdict was unusable, so it reads "Invalid verdict" (as does an id off the scale). */
export function VerdictLabel({ id, invalid = false }: { id: VerdictId; invalid?: boolean }) {
  const v = shownVerdict({ verdict: id, invalid: invalid ? ['verdict'] : undefined });
  return (
    <span className={`verdict-label verdict-${v.id}`} style={verdictColour(v.id)}>
      <span className="verdict-icon" aria-hidden="true">
        {v.icon}
      </span>{' '}
      {v.label}
    </span>
  );
}
