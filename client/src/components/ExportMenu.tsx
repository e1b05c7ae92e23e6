/**
 * The "Export" button of the article toolbar and the small dialog it opens (anyone may export).
 * A non-modal popup: Enter or Space on the button opens it with focus on the chosen format,
 * Tab and the arrow keys move inside it, Escape closes it and gives focus back to the button,
 * and a click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ExportChoice } from '../api/exports.js';
import { showToast } from '../store/ui-store.js';
import { ExportPanel } from './ExportPanel.js';

export interface ExportMenuProps {
  docId: string;
  /** Whether the collaboration session is connected to the server. */
  connected: boolean;
}

export function ExportMenu({ docId, connected }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ExportChoice>({ format: 'html', include: 'approved' });
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const id = useId();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    dialog.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  };

  // Focus moving on past the dialog (Tab after Download) closes it, as leaving a menu does.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && !root.current?.contains(next)) setOpen(false);
  };

  return (
    <div className="export-menu" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? `${id}-dialog` : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        Export
      </button>
      {open && (
        <div ref={dialog} id={`${id}-dialog`} role="dialog" aria-label="Export this article" className="export-dialog">
          <ExportPanel
            docId={docId}
            connected={connected}
            choice={choice}
            onChoice={setChoice}
            onDownloaded={(filename) => {
              close(true);
              showToast(`Exported ${filename}.`);
            }}
          />
        </div>
      )}
    </div>
  );
}
