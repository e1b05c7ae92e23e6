/**
 * One claim waiting for triage: what it quoted when its verdict was given, what (if anything)
 * it quotes now, the suggested places, and the three decisions for those who may edit it.
 */
import { useId, useState } from 'react';
import type { Claim } from '@factdesk/shared';

export interface TriageItemProps {
  claim: Claim;
  number: number;
  canTriage: boolean;
  onConfirm(suggestion: number): void;
  onReattach(): void;
  onArchive(): void;
}

const PREVIEW = 200;
const preview = (text: string) => (text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text);

export function TriageItem({ claim, number, canTriage, onConfirm, onReattach, onArchive }: TriageItemProps) {
  const id = useId();
  const [choice, setChoice] = useState(0);
  const anchor = claim.anchor!;
  const orphan = anchor.state === 'orphan';
  const before = anchor.previous ?? claim.target;
  const state = orphan ? `not found in version ${anchor.version}` : 'text changed since verdict';

  return (
    <div role="group" className={`triage-item triage-item--${anchor.state}`} aria-labelledby={`${id}-title`} data-triage-id={claim.id}>
      <h3 id={`${id}-title`}>
        Claim {number}: {state}
      </h3>
      <div className="triage-compare">
        <div>
          <p className="triage-label">Quoted in version {before.version}</p>
          <blockquote className="claim-quote">{preview(before.quote.exact)}</blockquote>
        </div>
        <div>
          <p className="triage-label">{orphan ? 'Suggested places' : `Now, in version ${claim.target.version}`}</p>
          {!orphan && <blockquote className="claim-quote">{preview(claim.target.quote.exact)}</blockquote>}
          {orphan && anchor.suggestions.length === 0 && <p className="hint">No suggestion: select the text in the article and re-attach.</p>}
          {orphan && anchor.suggestions.length > 0 && (
            <fieldset className="triage-suggestions">
              <legend className="visually-hidden">Suggested places for claim {number}</legend>
              {anchor.suggestions.map((s, i) => (
                <label key={`${s.position.start}-${s.position.end}`}>
                  <input type="radio" name={`${id}-suggestion`} checked={choice === i} onChange={() => setChoice(i)} /> {preview(s.quote.exact)}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      </div>
      {canTriage ? (
        <div className="triage-actions" role="group" aria-label={`Triage claim ${number}`}>
          <button type="button" className="button-primary" disabled={anchor.suggestions.length === 0} onClick={() => onConfirm(orphan ? choice : 0)}>
            Confirm suggestion
          </button>
          <button type="button" onClick={onReattach} aria-describedby={`${id}-reattach-hint`}>
            Re-attach to selection
          </button>
          <button type="button" onClick={onArchive}>
            Archive claim
          </button>
          <p id={`${id}-reattach-hint`} className="hint">
            To re-attach, select the claim’s text in the article first.
          </p>
        </div>
      ) : (
        <p className="hint">Its author or an admin decides where it belongs.</p>
      )}
    </div>
  );
}
