/*
 * Runs in the page before the app (injected with addInitScript; read as text by
 * highlight-paint.ts, so the bench's Node code needs no DOM types). It records, on the page's
 * own clock (performance.now(), 0 = navigation start):
 * - when the highlights of all `expected` claims are in the DOM and a frame has been painted after that,
 *   and when the editor view was (a long article is painted as a static copy first);
 * - for each claim id the bench announces (window.__paintProbe.expect(id)): when the websocket
 *   message carrying it arrived (a listener added before the app's own, spotting the id in the
 *   frame's bytes) and when its highlight was in the DOM and painted.
 * "Painted" = requestAnimationFrame (the frame is about to be drawn) then setTimeout 0 (it has
 * been drawn). Highlights are ProseMirror decorations: the piece of text where a claim's
 * highlight starts names it in `data-claims-starting`, so the ids named there are the claims
 * painted. (Badges are drawn only near the viewport on a long article; they are not counted.)
 * Once all are painted it says so on the console, which the bench listens to: waiting with
 * Playwright's waitForFunction would run Playwright's own script in the page during the load
 * (≈ 45 ms of its main thread, measured in a trace), timed as if it were the app's.
 */
/* global window, document, requestAnimationFrame, MutationObserver */
(() => {
  const expected = Number('__EXPECTED__');
  const pending = new Map();
  const probe = {
    allPaintedAt: null,
    /** When the editor view (ProseMirror's: selectable, its claims clickable) was on screen. */
    viewReadyAt: null,
    /** When each websocket was opened and when its large messages (over 100 kB) arrived: where the load's time goes. */
    sockets: [],
    largeMessages: [],
    /** Badge buttons added to the page after all were painted (a remote claim should add one). */
    badgesAddedSince: 0,
    remote: {},
    expect(id) {
      pending.set(id, { arrivedAt: undefined, seen: false });
    },
  };
  window.__paintProbe = probe;
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

  const Native = window.WebSocket;
  const decoder = new TextDecoder('latin1');
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      probe.sockets.push(performance.now());
      this.addEventListener('message', (event) => {
        const now = performance.now();
        const size = typeof event.data === 'string' ? event.data.length : event.data.byteLength ?? event.data.size;
        if (size > 100_000) probe.largeMessages.push({ at: now, size });
        if (pending.size === 0) return;
        const text = typeof event.data === 'string' ? event.data : decoder.decode(event.data);
        for (const [id, entry] of pending) if (entry.arrivedAt === undefined && text.includes(id)) entry.arrivedAt = now;
      });
    }
  };

  const pieces = document.getElementsByClassName('claim-highlight');
  /**
   * How many claims have the start of their highlight in the page. A piece cut by the text's
   * marks names its claims on each of its elements: the names are collected, not counted.
   */
  const claimsPainted = () => {
    const ids = new Set();
    for (const piece of document.querySelectorAll('[data-claims-starting]')) for (const id of piece.getAttribute('data-claims-starting').split(' ')) ids.add(id);
    return ids.size;
  };
  /** Whether the pieces are rendered: none inside anything not displayed (a page's copy is shown once it has arrived whole). */
  const piecesShown = () => pieces.length > 0 && pieces[0].checkVisibility() && pieces[pieces.length - 1].checkVisibility();

  /*
   * The load: before each frame, whether highlight pieces are there; once a frame holding them
   * has been drawn, the time is noted, then whether they are shown and name every claim is
   * checked (the page did not change in between: the same count). Nothing observes the page's mutations during the
   * load, and the check runs after the time is taken, so neither is timed with the page.
   */
  let checkedCount = -1;
  const watchLoad = () =>
    requestAnimationFrame(() => {
      const count = pieces.length;
      if (count === 0 || count === checkedCount) return watchLoad();
      setTimeout(() => {
        const at = performance.now();
        const shown = pieces.length === count && piecesShown();
        if (shown && claimsPainted() >= expected) {
          probe.allPaintedAt = at;
          // Heard by the bench (highlight-paint.ts) without polling the page.
          console.debug('__PAINTED_MESSAGE__');
          if (views.length) viewReady(at);
          else {
            if (signatures) probe.staticSignature = signature();
            watchView();
          }
        } else {
          // Pieces not shown yet may be shown without their count changing: looked at again.
          checkedCount = shown ? count : -1;
          watchLoad();
        }
      }, 0);
    });
  watchLoad();

  /*
   * A long article is painted as a static copy first and the editor view takes its place later
   * (client/src/editor/static-article.ts): when a frame holding the view has been drawn.
   */
  const views = document.getElementsByClassName('ProseMirror');
  const watchView = () =>
    requestAnimationFrame(() => {
      if (!views.length) return watchView();
      setTimeout(() => viewReady(performance.now()), 0);
    });
  function viewReady(at) {
    probe.viewReadyAt = at;
    if (signatures) probe.viewSignature = signature();
    console.debug('__VIEW_MESSAGE__');
    watchChanges();
  }

  /*
   * Asked by a test (never timed): what the article shows, to compare a static copy with the
   * view that replaced it. Each highlight piece with its classes, the claims starting there, its
   * text and the elements it sits in; the text as read, without the view's badges; the blocks.
   */
  const signatures = '__SIGNATURES__' === 'true';
  function signature() {
    const root = document.querySelector('.article-text');
    const path = (element) => {
      const tags = [];
      for (let e = element.parentElement; e && e !== root; e = e.parentElement) tags.push(`${e.tagName}${e.className ? '.' + e.className : ''}`);
      return tags.join('<');
    };
    const pieces = Array.from(root.querySelectorAll('.claim-highlight'), (e) => `${e.className}|${e.getAttribute('data-claims-starting') ?? ''}|${e.textContent}|${path(e)}`);
    let text = '';
    const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    while (walker.nextNode()) if (!walker.currentNode.parentElement.closest('.claim-badge')) text += walker.currentNode.data;
    const blocks = Array.from(root.children, (b) => `${b.tagName}${b.id ? '#' + b.id : ''}`);
    return { pieces, text, blocks };
  }

  /** After the load: badges added, and remote claims' highlights (a claim may start on a piece already drawn, which then only gains the attribute). */
  function watchChanges() {
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.classList?.contains('claim-badge')) probe.badgesAddedSince++;
      seePending();
    }).observe(document, { childList: true, subtree: true });
    new MutationObserver(() => seePending()).observe(document, { subtree: true, attributeFilter: ['data-claims-starting'] });
  }

  function seePending() {
    for (const [id, entry] of pending) {
      if (entry.seen || entry.arrivedAt === undefined) continue;
      if (!document.querySelector(`.claim-highlight[data-claims-starting~="${id}"]`)) continue;
      entry.seen = true;
      afterPaint(() => {
        probe.remote[id] = performance.now() - entry.arrivedAt;
        pending.delete(id);
      });
    }
  }
})();
