/**
 * The review step of one claim card: "Submit for review" for its author, "Approve" and
 * "Request changes" (with a short form for the comment) for a reviewer. Only the controls the
 * shared rules allow are shown; the steps are the review commands, which ask the same rules and then the server.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS, canReview, canSubmit, type Actor, type Claim } from '@factdesk/shared';
import { approveClaim, requestChanges, reviewCommentProblem, submitForReview } from '../claims/review-commands.js';
import type { ArticleSession } from '../collab/index.js';
import { useWorkspaceRules } from '../hooks/use-workspace-rules.js';
import { showToast } from '../store/ui-store.js';

export interface ClaimReviewControlsProps {
  session: ArticleSession;
  user: Actor;
  claim: Claim;
  number: number;
}

export function ClaimReviewControls({ session, user, claim, number }: ClaimReviewControlsProps) {
  const [requesting, setRequesting] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const requestButton = useRef<HTMLButtonElement>(null);
  const commentField = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const rules = useWorkspaceRules();

  const maySubmit = canSubmit(user, claim);
  const mayReview = canReview(user, claim, rules);
  if (!maySubmit && !mayReview) return null;

  /** Runs a command; its button goes away with the old status, so focus stays on the card. */
  const run = async (command: () => Promise<void>, done: string): Promise<boolean> => {
    const card = root.current?.closest<HTMLElement>('[data-card-id]');
    try {
      await command();
    } catch (failure) {
      showToast((failure as Error).message, 'error');
      return false;
    }
    card?.focus({ preventScroll: true });
    showToast(done);
    return true;
  };

  const closeForm = () => {
    setRequesting(false);
    setComment('');
    setError(null);
  };

  const sendRequest = (event: FormEvent) => {
    event.preventDefault();
    const problem = reviewCommentProblem(comment);
    if (problem) {
      setError(problem);
      commentField.current?.focus();
      return;
    }
    void run(() => requestChanges(session, user, claim.id, comment), `Changes requested on claim ${number}.`).then((done) => done && closeForm());
  };

  const onFormKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    closeForm();
    requestButton.current?.focus();
  };

  return (
    <div ref={root} className="claim-review-actions">
      {maySubmit && (
        <button
          type="button"
          className="button-primary"
          aria-label={`Submit for review: claim ${number}`}
          onClick={() => void run(() => submitForReview(session, user, claim.id), `Claim ${number} submitted for review.`)}
        >
          Submit for review
        </button>
      )}
      {mayReview && (
        <>
          <button
            type="button"
            className="button-primary"
            aria-label={`Approve claim ${number}`}
            onClick={() => void run(() => approveClaim(session, user, claim.id), `Claim ${number} signed off.`)}
          >
            Approve
          </button>
          <button
            type="button"
            ref={requestButton}
            aria-label={`Request changes on claim ${number}`}
            aria-expanded={requesting}
            aria-controls={requesting ? `${id}-form` : undefined}
            onClick={() => (requesting ? closeForm() : setRequesting(true))}
          >
            Request changes
          </button>
        </>
      )}
      {mayReview && requesting && (
        <form id={`${id}-form`} className="review-request" aria-label={`Request changes on claim ${number}`} onSubmit={sendRequest} onKeyDown={onFormKeyDown} noValidate>
          <label htmlFor={`${id}-comment`}>Comment</label>
          <textarea
            id={`${id}-comment`}
            ref={commentField}
            rows={3}
            value={comment}
            required
            maxLength={LIMITS.comment}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => setComment(e.target.value)}
          />
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : (
            <p className="hint" id={`${id}-hint`}>
              What should the author change? Esc cancels.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button-primary">
              Send request
            </button>
            <button
              type="button"
              onClick={() => {
                closeForm();
                requestButton.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
