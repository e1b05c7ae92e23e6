/**
 * The annotate shortcut acts on the selection the reader sees. The browser tells the page
 * about a keyboard selection with a `selectionchange` event that it queues behind the key
 * press, and runs input first when it is busy: "a" pressed right after the last Shift + arrow
 * can arrive before it. Here the page never hears of the selection at all — the harshest case
 * — and "a" and Alt + Shift + A still open the editor on the whole quote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, SEED_ARTICLE, type Person } from './support/suite.js';
import { Keyboard } from './pages/keyboard.js';

const QUOTE = '93 votes in favor, 18 against, and 65 abstentions';

describe('annotating a keyboard selection the page has not yet been told of', () => {
  const suite = browserSuite();
  let ann: Person;

  beforeAll(async () => {
    ann = await suite.signedIn(await suite.addPerson('ann', 'annotator', 'Ann Annotator'));
  });

  for (const shortcut of ['a', 'Alt+Shift+A']) {
    it(`"${shortcut}" opens the editor on the whole selected quote`, async () => {
      const keys = new Keyboard(ann.page);
      await ann.article.open(SEED_ARTICLE.id);
      await keys.tabTo(ann.article.text, 60);
      // From here on, selectionchange reaches no listener of the page.
      await ann.page.evaluate(() => window.addEventListener('selectionchange', (event) => event.stopImmediatePropagation(), { capture: true }));
      await ann.article.selectWithKeyboard(QUOTE);
      await keys.press(shortcut);
      await ann.article.editor.waitFor();
      expect(await ann.article.editor.locator('blockquote').innerText()).toBe(QUOTE);
      expect(ann.pageErrors).toEqual([]);
    });
  }
});
