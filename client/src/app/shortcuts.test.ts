import { describe, expect, it } from 'vitest';
import { SHORTCUTS, isTextEntry, shortcutFor, type KeyPress } from './shortcuts.js';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...extra });
const field = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra });

describe('keyboard shortcuts', () => {
  it('map single letters to the review actions and J / K to the next and previous claim', () => {
    expect(shortcutFor(press('a'))).toEqual({ action: 'annotate' });
    expect(shortcutFor(press('s'))).toEqual({ action: 'submit' });
    expect(shortcutFor(press('p'))).toEqual({ action: 'approve' });
    expect(shortcutFor(press('r'))).toEqual({ action: 'request-changes' });
    expect(shortcutFor(press('j'))).toEqual({ action: 'next-claim' });
    expect(shortcutFor(press('K', { shiftKey: false }))).toEqual({ action: 'previous-claim' });
  });

  it('map the digits 1 to 7 to the verdicts, best to worst, then the two without a rating', () => {
    expect(shortcutFor(press('1'))).toEqual({ action: 'verdict', verdict: 'true' });
    expect(shortcutFor(press('5'))).toEqual({ action: 'verdict', verdict: 'false' });
    expect(shortcutFor(press('6'))).toEqual({ action: 'verdict', verdict: 'unverifiable' });
    expect(shortcutFor(press('7'))).toEqual({ action: 'verdict', verdict: 'not-a-claim' });
    expect(shortcutFor(press('8'))).toBeNull();
  });

  it('open the overlay with "?" and annotate with Alt + Shift + A', () => {
    expect(shortcutFor(press('?', { shiftKey: true }))).toEqual({ action: 'help' });
    expect(shortcutFor(press('A', { altKey: true, shiftKey: true }))).toEqual({ action: 'annotate' });
  });

  it('leave keys with Ctrl, Meta or Alt to the browser and the screen reader', () => {
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('s', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('p', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('S', { shiftKey: true }))).toBeNull();
  });

  it('work in the article text, which is editable only for selecting with the keyboard', () => {
    const article = field('DIV', { isContentEditable: true, closest: (selector: string) => (selector === '[aria-readonly="true"]' ? {} : null) });
    expect(isTextEntry(article)).toBe(false);
    expect(shortcutFor(press('a', { target: article }))).toEqual({ action: 'annotate' });
  });

  it('never take a key typed into a text field', () => {
    for (const target of [field('TEXTAREA'), field('INPUT'), field('INPUT', { type: 'search' }), field('DIV', { isContentEditable: true })]) {
      expect(isTextEntry(target)).toBe(true);
      expect(shortcutFor(press('j', { target }))).toBeNull();
      expect(shortcutFor(press('3', { target }))).toBeNull();
    }
    expect(shortcutFor(press('3', { target: field('SELECT') }))).toEqual({ action: 'verdict', verdict: 'mixed' });
    expect(shortcutFor(press('j', { target: field('BUTTON') }))).toEqual({ action: 'next-claim' });
  });

  it('list every action once in the overlay table', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.sort()).toEqual(['annotate', 'approve', 'help', 'next-claim', 'previous-claim', 'request-changes', 'submit', 'verdict']);
  });
});
