/**
 * One comment of a claim's thread: who wrote it and when, its text (as text: never HTML),
 * and Edit / Delete for those the shared rules allow.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS, canDeleteComment, canEditComment, type Actor, type Comment } from '@factdesk/shared';
import { formatDateTime } from '../app/format.js';

export interface ClaimCommentProps {
  comment: Comment;
  /** How the comment is named in controls, e.g. "comment 2 on claim 3". */
  name: string;
  user: Actor;
  onEdit(text: string): boolean;
  onDelete(): void;
}

export function ClaimComment({ comment, name, user, onEdit, onDelete }: ClaimCommentProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.text);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const edited = comment.updatedAt !== comment.createdAt;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (onEdit(draft)) setEditing(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setEditing(false);
  };

  return (
    <li className="comment">
      <p className="comment-meta">
        <span className="comment-author">{comment.author.name}</span> ·{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {edited && <span className="comment-edited"> (edited)</span>}
      </p>
      {!editing && <p className="comment-text">{comment.text}</p>}
      {editing && (
        <form className="comment-edit" onSubmit={save} onKeyDown={onKeyDown}>
          <label htmlFor={`${id}-text`} className="visually-hidden">
            Edit {name}
          </label>
          <textarea id={`${id}-text`} rows={3} maxLength={LIMITS.comment} value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="button-primary">
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {!editing && (canEditComment(user, comment) || canDeleteComment(user, comment)) && (
        <div className="comment-actions">
          {canEditComment(user, comment) && (
            <button
              type="button"
              className="button-quiet"
              aria-label={`Edit ${name}`}
              onClick={() => {
                setDraft(comment.text);
                setEditing(true);
              }}
            >
              Edit
            </button>
          )}
          {canDeleteComment(user, comment) && !confirming && (
            <button type="button" className="button-quiet" aria-label={`Delete ${name}`} onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
          {confirming && (
            <span className="confirm" role="group" aria-label={`Delete ${name}?`}>
              <span>Delete this comment?</span>{' '}
              <button type="button" className="button-danger" onClick={onDelete} autoFocus>
                Yes, delete it
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          )}
        </div>
      )}
    </li>
  );
}
