/**
 * The read-only ProseMirror view of one article version (a caret and keyboard selection, no edits), with claims and the others'
 * selections drawn over it. The view is created once per version; claims, the focused claim
 * and remote selections are pushed into its plugins as they change. A long article opened from
 * its first-paint payload is painted first as the server's static copy of the same text and
 * highlights (static-article.ts), and the view replaces it after that frame: making the view of
 * thousands of claims holds the main thread for a few hundred milliseconds.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { EditorView, type DirectEditorProps } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { chunkedDoc, type Claim, type TextIndex } from '@factdesk/shared';
import type { ClaimsSnapshotSource } from '../collab/index.js';
import { createArticleState, selectedTextRange } from '../editor/article-state.js';
import { highlightsPlugin, setHighlights, type ActivatedVia, type Highlight } from '../editor/highlights-plugin.js';
import { presencePlugin, setRemoteSelections, type RemoteSelection } from '../editor/presence-plugin.js';
import { followInPageLink } from '../editor/reveal.js';
import { afterPaint } from '../editor/after-paint.js';
import { renderStaticArticle } from '../editor/static-article.js';
import { adoptVerdictColours } from '../editor/verdict-colours.js';
import { dropServerCopy, takeServerCopy, type CopyIdentity } from '../editor/server-copy.js';
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
  /** The server's static copy of the article with `highlights` drawn (a long article's first paint), painted until the view is made. */
  staticHtml?: string;
  /** The payload `staticHtml` came with: a copy the page arrived with (server-copy.ts) is used if it is of the same. */
  copyOf?: CopyIdentity;
  /** Claims changes to draw as they happen, ahead of `highlights` (live-highlights.ts); null on an earlier version. */
  live: { source: ClaimsSnapshotSource; shows(claim: Claim): boolean } | null;
}

/** What the view does with the keyboard, the mouse and its transactions: a read-only article with a caret. */
function viewProps(index: TextIndex, handlers: { readonly current: ArticleViewProps }): Omit<DirectEditorProps, 'state'> {
  return {
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
  };
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
    const container = mount.current as HTMLDivElement;
    const plugins = [highlightsPlugin({ onActivate: (id, via) => handlers.current.onActivate(id, via) }), presencePlugin()];
    // The claims known now are drawn with the first render: building the highlighted DOM
    // once is cheaper than drawing the plain text and then splitting it for every claim.
    const { highlights: initial, focusedId: focused, staticHtml, copyOf } = handlers.current;
    // A long article is painted first as the server's static copy — the one its page came with
    // if it is of this payload, or else made from the payload — and the view takes its place once
    // that frame is on screen.
    const page = container.ownerDocument;
    const copy = staticHtml ? ((copyOf && takeServerCopy(page, copyOf)) ?? renderStaticArticle(staticHtml, page)) : null;
    dropServerCopy(page);
    if (copy) {
      adoptVerdictColours(page);
      container.append(copy);
    }
    let created: EditorView | null = null;
    const makeView = () => {
      // Densely annotated blocks in short runs, so a new claim redraws only its own stretch (shared/src/highlights/view-doc.ts).
      const plain = createArticleState(chunkedDoc(doc, initial), plugins);
      created = new EditorView(copy ? (dom: HTMLElement) => copy.replaceWith(dom) : container, {
        state: plain.apply(setHighlights(plain.tr, { highlights: initial, focusedId: focused })),
        ...viewProps(index, handlers),
      });
      setView(created);
    };
    const cancel = copy ? afterPaint(makeView) : (makeView(), () => {});
    return () => {
      cancel();
      copy?.remove();
      created?.destroy();
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
