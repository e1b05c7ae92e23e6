/*
 * Runs in the page before the app (injected with addInitScript; read as text by
 * highlight-paint.ts, so the bench's Node code needs no DOM types). It records, on the page's
 * own clock (performance.now(), 0 = navigation start):
 * - when all `expected` claim badges are in the DOM and a frame has been painted after that;
 * - for each claim id the bench announces (window.__paintProbe.expect(id)): when the websocket
 *   message carrying it arrived (a listener added before the app's own, spotting the id in the
 *   frame's bytes) and when its badge was in the DOM and painted.
 * "Painted" = requestAnimationFrame (the frame is about to be drawn) then setTimeout 0 (it has
 * been drawn). Highlights are ProseMirror decorations: every claim gets exactly one
 * `.claim-badge` button with data-claim-id, so counting badges counts painted claims.
 */
/* global window, document, requestAnimationFrame, MutationObserver */
(() => {
  const expected = Number('__EXPECTED__');
  const pending = new Map();
  const probe = {
    allPaintedAt: null,
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

  const badges = document.getElementsByClassName('claim-badge');
  let allSeen = false;
  new MutationObserver((records) => {
    if (allSeen) for (const record of records) for (const node of record.addedNodes) if (node.classList?.contains('claim-badge')) probe.badgesAddedSince++;
    if (!allSeen && badges.length >= expected) {
      allSeen = true;
      afterPaint(() => (probe.allPaintedAt = performance.now()));
    }
    for (const [id, entry] of pending) {
      if (entry.seen || entry.arrivedAt === undefined) continue;
      if (!document.querySelector(`.claim-badge[data-claim-id="${id}"]`)) continue;
      entry.seen = true;
      afterPaint(() => {
        probe.remote[id] = performance.now() - entry.arrivedAt;
        pending.delete(id);
      });
    }
  }).observe(document, { childList: true, subtree: true });
})();
