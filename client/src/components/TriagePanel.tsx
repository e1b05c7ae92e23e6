/**
 * Triage after a new version: the claims whose text changed since their verdict and the
 * orphans (not found, so not highlighted), side by side with their old quote and suggested
 * places. Shown on the current version only; hidden when nothing waits.
 */
import { canEditClaim, needsTriage, type Actor, type Claim } from '@factdesk/shared';
import { archiveTriagedClaim, confirmClaimSuggestion, reattachToSelection } from '../claims/triage-commands.js';
import type { ArticleSession } from '../collab/index.js';
import { showToast, useUi } from '../store/ui-store.js';
import { TriageItem } from './TriageItem.js';

export interface TriagePanelProps {
  session: ArticleSession;
  user: Actor;
  claims: Claim[];
  numbers: Map<string, number>;
  /** The canonical text and number of the current version. */
  text: string;
  version: number;
}

export function TriagePanel({ session, user, claims, numbers, text, version }: TriagePanelProps) {
  const waiting = claims.filter(needsTriage);
  if (waiting.length === 0) return null;

  const act = (what: () => void, done: string) => {
    try {
      what();
      showToast(done);
    } catch (error) {
      showToast((error as Error).message, 'error');
    }
  };

  return (
    <section className="triage-panel" aria-labelledby="triage-heading">
      <h2 id="triage-heading">
        Triage <span className="count">({waiting.length})</span>
      </h2>
      <p className="hint">The article changed under these claims. Check each one against the new text.</p>
      <ol className="triage-list">
        {waiting.map((claim) => {
          const number = numbers.get(claim.id) ?? 0;
          return (
            <li key={claim.id}>
              <TriageItem
                claim={claim}
                number={number}
                canTriage={canEditClaim(user, claim)}
                onConfirm={(i) =>
                  act(() => confirmClaimSuggestion(session.doc, user, claim.id, claim.anchor!.suggestions[i]), `Claim ${number} confirmed in version ${version}.`)
                }
                onReattach={() => {
                  const range = useUi.getState().selection;
                  if (!range) return showToast('Select the text of the claim in the article first.', 'error');
                  act(() => reattachToSelection(session.doc, user, claim.id, text, range, version), `Claim ${number} re-attached.`);
                }}
                onArchive={() => act(() => archiveTriagedClaim(session.doc, user, claim.id, version), `Claim ${number} archived.`)}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
