/**
 * The claim editor as the article page opens it: a new claim on the selected text, or an
 * existing claim. Saving writes through the claim commands; closing gives focus back to where
 * the person came from.
 */
import type { Actor, Claim } from '@factdesk/shared';
import { claimFormFrom, emptyClaimForm } from '../claims/claim-form.js';
import { createClaimFromRange, editClaim } from '../claims/claim-commands.js';
import type { ArticleSession } from '../collab/index.js';
import { revealClaimCard } from '../editor/reveal.js';
import { showToast, useUi } from '../store/ui-store.js';
import { ClaimEditor } from './ClaimEditor.js';

export interface ClaimEditorPanelProps {
  session: ArticleSession;
  user: Actor;
  claims: Claim[];
  numbers: Map<string, number>;
  /** The canonical text and version the selection was made in. */
  text: string;
  version: number;
}

function returnFocusToArticle(): void {
  document.querySelector<HTMLElement>('.article-text')?.focus({ preventScroll: true });
}

export function ClaimEditorPanel({ session, user, claims, numbers, text, version }: ClaimEditorPanelProps) {
  const panel = useUi((s) => s.editor);
  const closeEditor = useUi((s) => s.closeEditor);
  const focusClaim = useUi((s) => s.focusClaim);
  if (!panel) return null;

  if (panel.mode === 'create') {
    const { range } = panel;
    return (
      <ClaimEditor
        key={`create:${range.start}:${range.end}`}
        title="New claim"
        quote={text.slice(range.start, range.end)}
        initial={emptyClaimForm()}
        onSave={(value) => {
          try {
            const id = createClaimFromRange(session.doc, user, text, range, version, value);
            closeEditor();
            showToast('Claim saved.');
            focusClaim(id, 'text');
            return null;
          } catch (error) {
            return (error as Error).message;
          }
        }}
        onCancel={() => {
          closeEditor();
          returnFocusToArticle();
        }}
      />
    );
  }

  const claim = claims.find((c) => c.id === panel.claimId);
  if (!claim) {
    return (
      <div className="claim-editor" role="alert">
        <p>This claim was deleted by someone else.</p>
        <button type="button" onClick={closeEditor}>
          Close
        </button>
      </div>
    );
  }
  const number = numbers.get(claim.id) ?? 0;
  return (
    <ClaimEditor
      key={`edit:${claim.id}`}
      title={`Edit claim ${number}`}
      quote={claim.target.quote.exact}
      initial={claimFormFrom(claim)}
      onSave={(value) => {
        try {
          editClaim(session.doc, user, claim.id, value);
          closeEditor();
          showToast(`Claim ${number} saved.`);
          focusClaim(claim.id, 'text');
          return null;
        } catch (error) {
          return (error as Error).message;
        }
      }}
      onCancel={() => {
        closeEditor();
        revealClaimCard(document, claim.id);
      }}
    />
  );
}
