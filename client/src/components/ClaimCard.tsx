/**
 * One claim in the sidebar: number, quoted text, verdict, rationale, sources, author, review
 * status and sign-off, with Edit and Delete for those the rules allow and the review controls
 * (passed in as children). The card is focusable: clicking it or pressing Enter shows the
 * claim in the text.
 */
import { useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { invalidFieldsNote, isFlagged, type Claim } from '@factdesk/shared';
import { formatDate } from '../app/format.js';
import { ClaimEditingBadge } from './ClaimEditingBadge.js';
import { VerdictLabel, verdictColour } from './VerdictLabel.js';
import { SourceLinks } from './SourceLinks.js';
import { StatusLabel } from './StatusLabel.js';
import { AnchorFlag } from './AnchorFlag.js';

export interface ClaimCardProps {
  claim: Claim;
  number: number;
  found: boolean;
  focused: boolean;
  canEdit: boolean;
  canDelete: boolean;
  onShow(): void;
  onEdit(): void;
  onDelete(): void;
  /** The review controls (see ClaimReviewControls). */
  children?: ReactNode;
}

const QUOTE_PREVIEW = 240;

export function ClaimCard({ claim, number, found, focused, canEdit, canDelete, onShow, onEdit, onDelete, children }: ClaimCardProps) {
  const [confirming, setConfirming] = useState(false);
  const quote = claim.target.quote.exact;
  const invalidNote = invalidFieldsNote(claim);
  const titleId = `claim-title-${claim.id}`;

  const fromControl = (target: EventTarget) => (target as Element).closest('button, a, input, select, textarea, label, form') !== null;
  const onClick = (event: MouseEvent) => {
    if (!fromControl(event.target)) onShow();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      onShow();
    }
  };

  return (
    <article
      className={`claim-card verdict-${claim.verdict}${focused ? ' claim-card--focused' : ''}`}
      data-card-id={claim.id}
      style={verdictColour(claim.verdict)}
      tabIndex={0}
      aria-labelledby={titleId}
      aria-current={focused ? 'true' : undefined}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <h3 className="claim-card-title" id={titleId}>
        <span className="claim-number">Claim {number}</span> <VerdictLabel id={claim.verdict} invalid={isFlagged(claim, 'verdict')} />
      </h3>
      <ClaimEditingBadge claimId={claim.id} />
      {invalidNote && (
        <p className="claim-invalid" role="note">
          {invalidNote}
        </p>
      )}
      {quote && <blockquote className="claim-quote">{quote.length > QUOTE_PREVIEW ? `${quote.slice(0, QUOTE_PREVIEW)}…` : quote}</blockquote>}
      {isFlagged(claim, 'target') ? (
        <p className="claim-missing">No usable place in the text is stored for this claim.</p>
      ) : (
        !found && claim.anchor?.state !== 'archived' && <p className="claim-missing">Not found in the text of this version.</p>
      )}
      <AnchorFlag claim={claim} />
      {claim.rationale && <p className="claim-rationale">{claim.rationale}</p>}
      <SourceLinks sources={claim.sources} />
      <p className="claim-meta">
        By {claim.author?.name ?? 'unknown'} · <StatusLabel status={claim.status} />
      </p>
      <ReviewNote claim={claim} />
      {(canEdit || canDelete) && (
        <div className="claim-actions">
          {canEdit && (
            <button type="button" onClick={onEdit} aria-label={`Edit claim ${number}`}>
              Edit
            </button>
          )}
          {canDelete && !confirming && (
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete claim ${number}`}>
              Delete
            </button>
          )}
          {confirming && (
            <span className="confirm" role="group" aria-label={`Delete claim ${number}?`}>
              <span>Delete claim {number}?</span>{' '}
              <button type="button" className="button-danger" onClick={onDelete} autoFocus>
                Yes, delete claim {number}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          )}
        </div>
      )}
      {children}
    </article>
  );
}

/** Who signed the claim off, or what its reviewer asked to change. */
function ReviewNote({ claim }: { claim: Claim }) {
  const review = claim.review;
  if (!review || review.decision !== claim.status) return null;
  const by = `${review.reviewer.name}, ${formatDate(review.at)}`;
  if (review.decision === 'approved') return <p className="claim-review claim-review--approved">Signed off by {by}</p>;
  return (
    <div className="claim-review claim-review--changes">
      <p>Changes requested by {by}:</p>
      <blockquote className="claim-review-comment">{review.comment}</blockquote>
    </div>
  );
}
