/**
 * The article page's shortcuts at work (the key map is shortcuts.ts). Each one presses the
 * control a person would press — the Annotate button, the card's Approve button, the editor's
 * Verdict field — so the rules, messages and focus handling stay those of the controls, and a
 * shortcut never does what its button would not.
 */
import { useEffect, useRef } from 'react';
import { VERDICTS, verdict as verdictOf, type VerdictId } from '@factdesk/shared';
import { showToast, useUi } from '../store/ui-store.js';
import { shortcutFor, type ShortcutAction } from './shortcuts.js';

/** The aria-label each review action's button starts with (ClaimReviewControls). */
const REVIEW_BUTTONS: Partial<Record<ShortcutAction, { label: string; verb: string }>> = {
  submit: { label: 'Submit for review: claim', verb: 'submit' },
  approve: { label: 'Approve claim', verb: 'approve' },
  'request-changes': { label: 'Request changes on claim', verb: 'request changes on' },
};

function card(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);
}

/** The claim being worked on: the card holding focus, else the claim in focus on the page. */
function currentClaim(): string | null {
  const active = document.activeElement?.closest<HTMLElement>('[data-card-id]');
  return active?.dataset.cardId ?? useUi.getState().focus?.id ?? null;
}

function claimNumber(id: string): string {
  return card(id)?.querySelector('.claim-number')?.textContent?.replace(/^Claim\s*/, '') ?? '';
}

function editorVerdictField(): HTMLSelectElement | null {
  return document.querySelector<HTMLSelectElement>('form.claim-editor select');
}

function chooseVerdict(select: HTMLSelectElement, id: VerdictId): void {
  select.value = id;
  // React hears the change like a person's choice.
  select.dispatchEvent(new Event('change', { bubbles: true }));
  showToast(`Verdict: ${verdictOf(id).label}.`);
}

/** Sets the verdict in the open editor; on a claim without one, opens its editor first (when the rules allow). */
function setEditorVerdict(id: VerdictId): boolean {
  const select = editorVerdictField();
  if (select) {
    chooseVerdict(select, id);
    return true;
  }
  const claim = currentClaim();
  const edit = claim ? card(claim)?.querySelector<HTMLButtonElement>('button[aria-label^="Edit claim"]') : null;
  if (!edit) {
    showToast('Open a claim editor first (Annotate or Edit), then press 1 – 7 to set its verdict.');
    return false;
  }
  edit.click();
  // The editor renders on the next frame.
  requestAnimationFrame(() => {
    const opened = editorVerdictField();
    if (opened) chooseVerdict(opened, id);
  });
  return true;
}

function moveFocus(order: readonly string[], step: 1 | -1): boolean {
  if (order.length === 0) return false;
  const at = order.indexOf(currentClaim() ?? '');
  const next = at === -1 ? (step === 1 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + step));
  useUi.getState().focusClaim(order[next], 'text');
  return true;
}

function pressReviewButton(action: ShortcutAction): boolean {
  const button = REVIEW_BUTTONS[action];
  const id = currentClaim();
  if (!button) return false;
  if (!id) {
    showToast('Go to a claim first (J or K), then press the shortcut again.');
    return false;
  }
  const control = [...(card(id)?.querySelectorAll<HTMLButtonElement>('button[aria-label]') ?? [])].find((b) =>
    b.getAttribute('aria-label')?.startsWith(button.label),
  );
  if (!control) {
    showToast(`You cannot ${button.verb} claim ${claimNumber(id)} now.`);
    return false;
  }
  control.click();
  return true;
}

function pressAnnotate(): boolean {
  const annotate = [...document.querySelectorAll<HTMLButtonElement>('.article-main button')].find((b) => b.textContent?.trim() === 'Annotate');
  if (!annotate) return false;
  if (annotate.disabled) {
    showToast('Select the text of a claim in the article first.');
    return false;
  }
  annotate.click();
  return true;
}

/** Listens for the article page's shortcuts while mounted; `order` is the claims shown, in order. */
export function useClaimShortcuts(order: readonly string[]): void {
  const current = useRef(order);
  current.current = order;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Handled already (the article's own A), held down, or a dialog is open over the page.
      if (event.defaultPrevented || event.repeat || document.querySelector('dialog[open]')) return;
      const match = shortcutFor(event);
      if (!match) return;
      let handled: boolean;
      switch (match.action) {
        case 'annotate':
          // Alt+Shift+A is the article page's own listener.
          handled = !event.altKey && pressAnnotate();
          break;
        case 'verdict':
          handled = setEditorVerdict(match.verdict ?? VERDICTS[0].id);
          break;
        case 'next-claim':
          handled = moveFocus(current.current, 1);
          break;
        case 'previous-claim':
          handled = moveFocus(current.current, -1);
          break;
        case 'help':
          return;
        default:
          handled = pressReviewButton(match.action);
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
