/**
 * A claim's discussion, folded under a "Discussion (N)" button: the comments with author and
 * time, a reply box labelled "Reply to claim N" ("@login" tells that person), and "Resolve
 * thread" / "Reopen thread". Everything is written through the thread commands, which ask the
 * same rules the server enforces.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS, canComment, canResolveThread, type Actor, type Claim } from '@factdesk/shared';
import { formatDateTime } from '../app/format.js';
import { changeComment, commentProblem, removeComment, reply, resolveThread } from '../claims/thread-commands.js';
import type { ArticleSession } from '../collab/index.js';
import { showToast } from '../store/ui-store.js';
import { ClaimComment } from './ClaimComment.js';

export interface ClaimThreadProps {
  session: ArticleSession;
  user: Actor;
  claim: Claim;
  number: number;
}

export function ClaimThread({ session, user, claim, number }: ClaimThreadProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const count = claim.thread.length;
  const resolved = claim.threadResolved ?? null;

  const run = (command: () => void): boolean => {
    try {
      command();
      return true;
    } catch (failure) {
      showToast((failure as Error).message, 'error');
      return false;
    }
  };

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    const problem = commentProblem(text);
    if (problem) {
      setError(problem);
      return;
    }
    if (run(() => reply(session.doc, user, claim.id, text))) {
      setText('');
      setError(null);
    }
  };
  const onReplyKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
  };

  return (
    <section className="claim-thread" aria-label={`Discussion of claim ${number}`}>
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
        <span className="disclosure-icon" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        Discussion ({count}){resolved ? ' · resolved' : ''}
      </button>
      {open && (
        <div id={`${id}-body`} className="claim-thread-body">
          {resolved && (
            <p className="thread-resolved">
              Resolved by {resolved.by.name}, <time dateTime={resolved.at}>{formatDateTime(resolved.at)}</time>
            </p>
          )}
          {count === 0 && <p className="empty">No comments yet.</p>}
          {count > 0 && (
            <ol className="comment-list">
              {claim.thread.map((comment, i) => (
                <ClaimComment
                  key={comment.id}
                  comment={comment}
                  name={`comment ${i + 1} on claim ${number}`}
                  user={user}
                  onEdit={(next) => run(() => changeComment(session.doc, user, claim.id, comment.id, next))}
                  onDelete={() => run(() => removeComment(session.doc, user, claim.id, comment.id))}
                />
              ))}
            </ol>
          )}
          {canComment(user) && (
            <form className="comment-reply" onSubmit={send} noValidate>
              <label htmlFor={`${id}-reply`}>Reply to claim {number}</label>
              <textarea
                id={`${id}-reply`}
                rows={2}
                maxLength={LIMITS.comment}
                value={text}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-hint`}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={onReplyKeyDown}
              />
              {error ? (
                <p className="field-error" id={`${id}-error`}>
                  {error}
                </p>
              ) : (
                <p className="hint" id={`${id}-hint`}>
                  @login tells that person. Ctrl+Enter sends.
                </p>
              )}
              <div className="form-actions">
                <button type="submit" className="button-primary">
                  Reply
                </button>
                {canResolveThread(user) && (
                  <button
                    type="button"
                    aria-label={`${resolved ? 'Reopen' : 'Resolve'} thread on claim ${number}`}
                    onClick={() => void resolveThread(session, user, claim.id, !resolved).catch((failure: Error) => showToast(failure.message, 'error'))}
                  >
                    {resolved ? 'Reopen thread' : 'Resolve thread'}
                  </button>
                )}
              </div>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
