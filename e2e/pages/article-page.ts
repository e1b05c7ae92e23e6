/**
 * One article: the read-only text with claim highlights and badges, the claim cards beside
 * it, the claim editor and who else is here. Tests speak in claims ("claim 2's card"), this
 * page object knows how the screen shows them: badges are buttons named "Claim 2: False",
 * cards are articles named "Claim 2 …", and a claim's highlighted text carries its id.
 */
import type { Locator, Page } from 'playwright-core';
import { verdict, type Source, type VerdictId } from '@factdesk/shared';

/** What a person types into the claim editor. */
export interface ClaimDraft {
  verdict: VerdictId;
  rationale?: string;
  sources?: Source[];
}

/** CSS hooks of the highlights plugin (client/src/editor/highlights-plugin.ts), kept in one place. */
const HIGHLIGHT_FOCUSED_CLASS = 'claim-highlight--focused';

export class ArticlePage {
  /** The article text (the ProseMirror view). */
  readonly text: Locator;
  readonly annotateButton: Locator;
  /** The claim editor form, open after "Annotate" or "Edit". */
  readonly editor: Locator;
  readonly presenceList: Locator;
  /** The connection status once live and with nothing left to send. */
  readonly connection: Locator;
  /** The connection status, whatever it says ("Offline · 1 change not yet sent", "Reconnecting…"). */
  readonly connectionStatus: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Article text' });
    this.annotateButton = page.getByRole('button', { name: 'Annotate', exact: true });
    this.editor = page.locator('form').filter({ has: page.getByLabel('Verdict', { exact: true }) });
    this.presenceList = page.getByRole('list', { name: /^Here now/ });
    this.connection = page.getByRole('status').filter({ hasText: /^\s*Connected · all changes saved\s*$/ });
    this.connectionStatus = page.getByRole('status').filter({ hasText: /^\s*(Connected|Connecting|Reconnecting|Offline)\b/ });
  }

  /** Opens the article with this id and waits until its text is shown and the page is live. */
  async open(id: string): Promise<void> {
    await this.page.goto(`/articles/${encodeURIComponent(id)}`);
    await this.ready();
  }

  /** Waits until the text is shown and the collaboration socket is connected and synced (after open or reload). */
  async ready(): Promise<void> {
    await this.text.filter({ hasText: /\S/ }).waitFor();
    await this.connection.waitFor();
  }

  /**
   * Selects the `occurrence`-th (from 1) appearance of `quote` in the article text, as a
   * reader dragging over it would: a DOM Range over the text nodes (claim badges left out),
   * then the events the app listens for. Quotes within one paragraph only.
   */
  async selectText(quote: string, occurrence = 1): Promise<void> {
    const selected = await this.text.evaluate(
      (root, { quote, occurrence }) => {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
          // Badges and other widgets are not article text (the read-only view itself is contenteditable=false too).
          acceptNode: (node) => {
            const widget = node.parentElement?.closest('button, [contenteditable="false"]');
            return widget && widget !== root ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
          },
        });
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const all = nodes.map((n) => n.data).join('');
        let start = -1;
        for (let i = 0; i < occurrence; i++) {
          start = all.indexOf(quote, start + 1);
          if (start < 0) return `"${quote}" does not occur ${occurrence} time(s) in the article text`;
        }
        const end = start + quote.length;
        // The text node and offset of a character offset; `atEnd` keeps a range end inside the node before a boundary.
        const locate = (offset: number, atEnd: boolean): [Text, number] => {
          let seen = 0;
          for (const node of nodes) {
            const length = node.data.length;
            if (offset < seen + length || (atEnd && offset === seen + length)) return [node, offset - seen];
            seen += length;
          }
          const last = nodes[nodes.length - 1];
          return [last, last.data.length];
        };
        (root as HTMLElement).focus();
        const range = document.createRange();
        range.setStart(...locate(start, false));
        range.setEnd(...locate(end, true));
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        document.dispatchEvent(new Event('selectionchange'));
        return selection.toString();
      },
      { quote, occurrence },
    );
    if (selected !== quote) throw new Error(`Could not select "${quote}": ${selected}`);
  }

  /**
   * Selects `quote` as a keyboard user does, in the focused article text: Ctrl+Home, then word
   * by word (Ctrl+→) and character by character (→, ←) to its start, then Shift+→ over it. Only
   * keys move the caret; the page is read only to know when to stop.
   */
  async selectWithKeyboard(quote: string): Promise<void> {
    const keys = this.page.keyboard;
    const caret = () =>
      this.text.evaluate((root, quote) => {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (node.parentElement?.closest('button, [contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const selection = document.getSelection()!;
        const point = document.createRange();
        point.setStart(selection.focusNode ?? root, selection.focusOffset);
        let before = 0;
        for (const node of nodes) {
          if (node === selection.focusNode) {
            before += selection.focusOffset;
            break;
          }
          if (point.comparePoint(node, node.data.length) > 0) break;
          before += node.data.length;
        }
        return { before, start: nodes.map((n) => n.data).join('').indexOf(quote), selected: selection.toString() };
      }, quote);
    await keys.press('Control+Home');
    let at = await caret();
    if (at.start < 0) throw new Error(`"${quote}" is not in the article text`);
    for (let presses = 0; at.before !== at.start; presses++) {
      if (presses > 2_000) throw new Error(`The caret did not reach "${quote}" (at ${at.before}, wanted ${at.start})`);
      await keys.press(at.before > at.start ? 'ArrowLeft' : at.start - at.before > 12 ? 'Control+ArrowRight' : 'ArrowRight');
      at = await caret();
    }
    for (let i = 0; i < quote.length; i++) await keys.press('Shift+ArrowRight');
    at = await caret();
    if (at.selected !== quote) throw new Error(`Could not select "${quote}" with the keyboard: "${at.selected}"`);
  }

  /**
   * Annotates the selected text: "Annotate", then the claim form, then Save; waits until the
   * form closes. Returns when Save was pressed (Date.now()), to time how soon others see it.
   */
  async annotate(draft: ClaimDraft): Promise<{ savedAt: number }> {
    await this.annotateButton.click();
    await this.fillClaimForm(draft);
    const savedAt = Date.now();
    await this.editor.getByRole('button', { name: 'Save', exact: true }).click();
    await this.editor.waitFor({ state: 'detached' });
    return { savedAt };
  }

  /** Fills the open claim editor: verdict (by its label), rationale, sources. */
  async fillClaimForm({ verdict: verdictId, rationale, sources = [] }: ClaimDraft): Promise<void> {
    await this.editor.waitFor();
    const select = this.editor.getByLabel('Verdict', { exact: true });
    const label = verdict(verdictId).label;
    const options = await select.locator('option').allTextContents();
    const option = options.find((text) => text.trim() === label || text.trim().endsWith(` ${label}`));
    if (!option) throw new Error(`No verdict option "${label}" among: ${options.join(', ')}`);
    await select.selectOption({ label: option.trim() });
    if (rationale !== undefined) await this.editor.getByLabel('Rationale', { exact: true }).fill(rationale);
    const group = this.editor.getByRole('group', { name: 'Sources', exact: true });
    for (const [i, source] of sources.entries()) {
      const urls = group.getByRole('textbox', { name: /url/i });
      if ((await urls.count()) <= i) await group.getByRole('button', { name: /add source/i }).click();
      await urls.nth(i).fill(source.url);
      await group.getByRole('textbox', { name: /title/i }).nth(i).fill(source.title);
    }
  }

  /** Every claim badge in the text. */
  get badges(): Locator {
    return this.text.getByRole('button', { name: /^Claim \d+:/ });
  }

  /** The numbered badge of claim `n` in the text ("Claim n: <verdict>"). */
  badge(n: number): Locator {
    return this.text.getByRole('button', { name: new RegExp(`^Claim ${n}:`) });
  }

  /** The id of claim `n`, read from its badge. */
  async claimId(n: number): Promise<string> {
    const id = await this.badge(n).getAttribute('data-claim-id');
    if (!id) throw new Error(`Claim ${n}'s badge carries no claim id`);
    return id;
  }

  /**
   * The highlighted piece of text where claim `n`'s highlight starts (the page names a claim
   * only there; other claims may cut its highlight into more pieces after it).
   */
  async highlight(n: number): Promise<Locator> {
    return this.text.locator(`[data-claims-starting~="${await this.claimId(n)}"]`);
  }

  /** Whether claim `n`'s highlight is drawn as the focused one. */
  async highlightIsFocused(n: number): Promise<boolean> {
    const classes = await (await this.highlight(n)).first().getAttribute('class');
    return (classes ?? '').split(/\s+/).includes(HIGHLIGHT_FOCUSED_CLASS);
  }

  /** Every claim card. */
  get cards(): Locator {
    return this.page.getByRole('article', { name: /^Claim \d+\b/ });
  }

  /** The card of claim `n` in the sidebar. */
  card(n: number): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^Claim ${n}\\b`) });
  }

  /** Whether claim `n`'s card is the current one (the claim in focus). */
  async cardIsCurrent(n: number): Promise<boolean> {
    return (await this.card(n).getAttribute('aria-current')) === 'true';
  }

  /** A button on claim `n`'s card, e.g. "Edit", "Delete", "Approve", "Submit for review". */
  cardButton(n: number, name: 'Edit' | 'Delete' | 'Approve' | 'Request changes' | 'Submit for review'): Locator {
    return this.card(n).getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  /** The names in the "Here now" list (the local person is marked "(you)"). */
  async presenceNames(): Promise<string[]> {
    return (await this.presenceList.getByRole('listitem').allInnerTexts()).map((t) => t.trim());
  }

  /** Whether `locator` has the keyboard focus. */
  isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === document.activeElement);
  }
}
