/**
 * The "?" overlay: a modal dialog listing the keyboard shortcuts (from app/shortcuts.ts).
 * "?" anywhere outside a text field opens it, as does the header's "Keyboard shortcuts"
 * button; focus stays inside until Escape or Close, then goes back where it was.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SHORTCUTS, shortcutFor } from '../app/shortcuts.js';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function ShortcutsOverlay() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const id = useId();

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || shortcutFor(event)?.action !== 'help' || dialog.current?.open) return;
      event.preventDefault();
      returnTo.current = document.activeElement as HTMLElement | null;
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('button')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const close = () => {
    setOpen(false);
    returnTo.current?.focus?.();
  };

  // A modal dialog keeps the page inert; Tab still reaches the browser's own bar, so wrap it here.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <>
      <button
        type="button"
        className="button-quiet"
        aria-keyshortcuts="?"
        onClick={() => {
          returnTo.current = document.activeElement as HTMLElement | null;
          setOpen(true);
        }}
      >
        Keyboard shortcuts
      </button>
      <dialog
        ref={dialog}
        className="shortcuts-overlay"
        aria-labelledby={`${id}-title`}
        onCancel={(event) => {
          event.preventDefault();
          close();
        }}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
        <p className="hint">
          Single keys work outside text fields. With a screen reader, switch to focus mode first (or use the buttons).
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={close}>
          Close
        </button>
      </dialog>
    </>
  );
}
