/**
 * The read-only ProseMirror view of one article version (a caret and keyboard selection, no edits), with claims and the others'
 * selections drawn over it. The view is created once per version; claims, the focused claim
 * and remote selections are pushed into its plugins as they change.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Claim, TextIndex } from '@factdesk/shared';
import type { ClaimsSnapshotSource } from '../collab/index.js';
import { createArticleState, selectedTextRange } from '../editor/article-state.js';
import { highlightsPlugin, setHighlights, type ActivatedVia, type Highlight } from '../editor/highlights-plugin.js';
import { presencePlugin, setRemoteSelections, type RemoteSelection } from '../editor/presence-plugin.js';
import { followInPageLink } from '../editor/reveal.js';
import { chunkedDoc } from '../editor/text-chunks.js';
import { takeDOMSelection } from '../editor/dom-selection.js';
import { LIVE_FROM, livePatch } from '../editor/live-highlights.js';

/** Changes touching more claims than this wait for the full update. */
const LIVE_PATCH_LIMIT = 64;

export interface ArticleViewProps {
  doc: Node;
  index: TextIndex;
  highlights: Highlight[];
  focusedId: string | null;
  remoteSelections: RemoteSelection[];
  onSelect(range: { start: number; end: number } | null): void;
  onActivate(id: string, via: ActivatedVia): void;
  /** The annotate shortcut ("a") was pressed while the article had focus. */
  onAnnotateKey(): void;
  /** Claims changes to draw as they happen, ahead of `highlights` (live-highlights.ts); null on an earlier version. */
  live: { source: ClaimsSnapshotSource; shows(claim: Claim): boolean } | null;
}

export function ArticleView(props: ArticleViewProps) {
  const { doc, index, highlights, focusedId, remoteSelections } = props;
  const mount = useRef<HTMLDivElement>(null);
  // The view is made once; its handlers call whatever the latest props say.
  const handlers = useRef(props);
  useLayoutEffect(() => {
    handlers.current = props;
  });
  const [view, setView] = useState<EditorView | null>(null);

  useEffect(() => {
    const plugins = [highlightsPlugin({ onActivate: (id, via) => handlers.current.onActivate(id, via) }), presencePlugin()];
    // The claims known now are drawn with the first render: building the highlighted DOM
    // once is cheaper than drawing the plain text and then splitting it for every claim.
    const { highlights: initial, focusedId: focused } = handlers.current;
    // Densely annotated blocks in short runs, so a new claim redraws only its own stretch (text-chunks.ts).
    const plain = createArticleState(chunkedDoc(doc, initial), plugins);
    const created = new EditorView(mount.current, {
      state: plain.apply(setHighlights(plain.tr, { highlights: initial, focusedId: focused })),
      // Editable only so that the keyboard has a caret to select with (Shift + arrows); it is
      // announced read-only, and every way of changing the text is refused below and by the
      // state's read-only guard (article-state.ts).
      editable: () => true,
      attributes: {
        class: 'article-text',
        tabindex: '0',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': 'true',
        'aria-label': 'Article text',
        spellcheck: 'false',
        inputmode: 'none',
      },
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      dispatchTransaction(this: EditorView, tr) {
        const state = this.state.apply(tr);
        this.updateState(state);
        if (tr.selectionSet) handlers.current.onSelect(selectedTextRange(state, index));
      },
      handleDOMEvents: {
        // Typing, deleting, pasting, formatting: the browser asks first, and is told no.
        beforeinput(_view, event) {
          event.preventDefault();
          return true;
        },
        keydown(view, event) {
          const annotateKey = event.key.toLowerCase() === 'a' && !event.ctrlKey && !event.metaKey && event.altKey === event.shiftKey;
          if (!annotateKey) return false;
          takeDOMSelection(view);
          if (event.altKey) return false; // Alt + Shift + A: the page's shortcut (shortcuts.ts) takes it from here.
          event.preventDefault();
          handlers.current.onAnnotateKey();
          return true;
        },
        click(view, event) {
          const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
          if (!link || !followInPageLink(view.dom, link.getAttribute('href') ?? '')) return false;
          event.preventDefault();
          return true;
        },
      },
    });
    setView(created);
    return () => {
      created.destroy();
      setView(null);
    };
  }, [doc, index]);

  // A layout effect: new highlights reach the page in the same frame as the rest of the change.
  useLayoutEffect(() => {
    if (view && !view.isDestroyed) view.dispatch(setHighlights(view.state.tr, { highlights, focusedId }));
  }, [view, highlights, focusedId]);

  const liveSource = props.live?.source;
  useEffect(() => {
    if (!view || !liveSource) return;
    return liveSource.onChange((change) => {
      const small = change.fresh.length + change.gone.size <= LIVE_PATCH_LIMIT;
      const shows = handlers.current.live?.shows;
      if (view.isDestroyed || !shows || change.claims.length <= LIVE_FROM || !small) return;
      view.dispatch(setHighlights(view.state.tr, { patch: livePatch(change, index, shows) }));
    });
  }, [view, liveSource, index]);

  useEffect(() => {
    if (view && !view.isDestroyed) view.dispatch(setRemoteSelections(view.state.tr, remoteSelections));
  }, [view, remoteSelections]);

  return <div className="article-view" ref={mount} />;
}
