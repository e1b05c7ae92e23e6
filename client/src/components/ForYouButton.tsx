/**
 * The header's "For you" button with the unread count; it opens the list below it. Escape
 * (or the button again) closes it and focus goes back to the button.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useForYou } from '../hooks/use-for-you.js';
import { markRead } from '../notifications/for-you.js';
import { showToast } from '../store/ui-store.js';
import { ForYouPanel } from './ForYouPanel.js';

export function ForYouButton() {
  const { notifications, unread } = useForYou();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  const mark = (ids?: number[]) => markRead(ids).catch((e: Error) => showToast(e.message, 'error'));
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    close();
  };

  return (
    <div className="for-you" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="for-you-button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => (open ? close() : setOpen(true))}>
        For you
        {unread > 0 && (
          <span className="for-you-count">
            {' '}
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <ForYouPanel
          id={`${id}-panel`}
          notifications={notifications}
          unread={unread}
          onOpen={(n) => {
            if (!n.read) void mark([n.id]);
            setOpen(false);
          }}
          onMarkAll={() => void mark()}
        />
      )}
    </div>
  );
}
