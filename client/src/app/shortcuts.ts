/**
 * The keyboard shortcuts, in one table: the "?" overlay lists it and the handlers ask
 * `shortcutFor` which action a key press means. Single keys without Ctrl, Alt or Meta, so they
 * never shadow the browser's or a screen reader's own commands (those use modifiers, and in a
 * screen reader's browse mode the reader keeps single keys for itself: switch to focus mode or
 * use the buttons). A key typed into a text field is always text, never a shortcut.
 */
import { VERDICTS, type VerdictId } from '@factdesk/shared';

export type ShortcutAction = 'annotate' | 'verdict' | 'submit' | 'approve' | 'request-changes' | 'next-claim' | 'previous-claim' | 'help';

export interface Shortcut {
  /** The keys as shown to people, e.g. "J" or "1 – 7". */
  keys: string;
  action: ShortcutAction;
  description: string;
}

/** Every shortcut, in the order the overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'A', action: 'annotate', description: 'Annotate the selected text (also Alt + Shift + A)' },
  { keys: '1 – 7', action: 'verdict', description: `Set the verdict in the claim editor (on a claim: open its editor with it): ${VERDICTS.map((v, i) => `${i + 1} ${v.label}`).join(', ')}` },
  { keys: 'J', action: 'next-claim', description: 'Go to the next claim' },
  { keys: 'K', action: 'previous-claim', description: 'Go to the previous claim' },
  { keys: 'S', action: 'submit', description: 'Submit the current claim for review' },
  { keys: 'P', action: 'approve', description: 'Approve the current claim (sign it off)' },
  { keys: 'R', action: 'request-changes', description: 'Request changes on the current claim' },
  { keys: '?', action: 'help', description: 'Show these shortcuts' },
];

const LETTERS: Record<string, ShortcutAction> = {
  a: 'annotate',
  j: 'next-claim',
  k: 'previous-claim',
  s: 'submit',
  p: 'approve',
  r: 'request-changes',
};

/** What a handler needs of a key event (a KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Where the key was pressed: text fields keep their keys. */
  target?: unknown;
}

export interface ShortcutMatch {
  action: ShortcutAction;
  /** For `verdict`: the verdict the digit names. */
  verdict?: VerdictId;
}

/**
 * True for elements that take typed text: text inputs, text areas, editable content — but not
 * the article text, which is editable only so that a keyboard can select in it (aria-readonly).
 */
export function isTextEntry(target: unknown): boolean {
  const element = target as { tagName?: string; type?: string; isContentEditable?: boolean; closest?: (selector: string) => unknown } | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable) return !element.closest?.('[aria-readonly="true"]');
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  if (tag !== 'input') return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes((element.type ?? 'text').toLowerCase());
}

/** The shortcut a key press means, or null (modifiers, text fields and other keys). */
export function shortcutFor(press: KeyPress): ShortcutMatch | null {
  if (press.ctrlKey || press.metaKey || isTextEntry(press.target)) return null;
  if (press.altKey) return press.shiftKey && press.key.toLowerCase() === 'a' ? { action: 'annotate' } : null;
  if (press.key === '?') return { action: 'help' };
  if (/^[1-7]$/.test(press.key) && !press.shiftKey) return { action: 'verdict', verdict: VERDICTS[Number(press.key) - 1].id };
  if (press.shiftKey) return null;
  const action = LETTERS[press.key.toLowerCase()];
  return action ? { action } : null;
}
