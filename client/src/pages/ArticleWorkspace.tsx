/**
 * The article page once its collaboration session is open: the article with its claims and
 * the others' selections, the toolbar, and the sidebar of claims with the claim editor.
 * Claims are read from the Y.Doc (never copied); what the person is doing lives in the UI store.
 * Until the doc has synced, the article and its highlights come from the first-paint payload
 * (read-only, the sidebar waiting); the doc then takes over in the same view when it holds the
 * same version, so nothing on screen is built or numbered again.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildTextIndex, canAnnotate, type Actor, type Claim } from '@factdesk/shared';
import type { FirstPaintArticle } from '../api/first-paint-payload.js';
import { removeClaim } from '../claims/claim-commands.js';
import { claimMatches, filtersActive } from '../claims/claim-filter.js';
import { claimsSource, type ArticleSession } from '../collab/index.js';
import { articleNode } from '../editor/article-state.js';
import { highlightOf, numberClaims, placeClaims } from '../editor/claim-placement.js';
import type { Highlight } from '../editor/highlights-plugin.js';
import { remoteSelections } from '../editor/presence-plugin.js';
import { revealClaimCard, revealClaimInText } from '../editor/reveal.js';
import { LIVE_FROM } from '../editor/live-highlights.js';
import { useAfterPaint } from '../hooks/use-after-paint.js';
import { useArticle, useClaims, usePeers } from '../hooks/use-doc.js';
import { afterPaint } from '../editor/after-paint.js';
import { useFirstPaint } from '../hooks/use-first-paint.js';
import { useSessionEvents } from '../hooks/use-session-events.js';
import { useUnsentWarning } from '../hooks/use-unsent-warning.js';
import { useVersionView } from '../hooks/use-version-view.js';
import { showToast, useUi } from '../store/ui-store.js';
import { ArticleToolbar } from '../components/ArticleToolbar.js';
import { ArticleView } from '../components/ArticleView.js';
import { ClaimSidebar } from '../components/ClaimSidebar.js';
import { ClaimEditorPanel } from '../components/ClaimEditorPanel.js';
import { TriagePanel } from '../components/TriagePanel.js';
import { VersionBar } from '../components/VersionBar.js';

export interface ArticleWorkspaceProps {
  session: ArticleSession;
  user: Actor;
  /** The article as the server last drew it, shown until the doc has synced. */
  firstPaint?: FirstPaintArticle | null;
  /** Called once the first paint's article is on screen (the session then loads the doc). */
  onFirstPaint?(): void;
}

export function ArticleWorkspace({ session, user, firstPaint = null, onFirstPaint }: ArticleWorkspaceProps) {
  const doc = session.doc;
  const article = useArticle(doc);
  const { version } = article;
  const early = useFirstPaint(session, firstPaint, !!version);
  const meta = early?.meta ?? article.meta;
  // Past LIVE_FROM claims on screen, a change is drawn in the article at once (ArticleView's
  // `live`) and everything else follows it after that frame (live-highlights.ts).
  const liveClaims = useClaims(doc);
  const allClaims = useAfterPaint(liveClaims, (shown) => shown.length > LIVE_FROM && liveClaims.length > LIVE_FROM);
  const peers = usePeers(session.awareness);
  const ui = useUi(
    useShallow((s) => ({ selection: s.selection, focus: s.focus, editor: s.editor, setSelection: s.setSelection, focusClaim: s.focusClaim, openEditor: s.openEditor })),
  );

  // After a rejection the doc is replaced and re-syncs: keep showing the version on screen
  // meanwhile, and keep its view when the same version arrives again.
  const [shown, setShown] = useState(version);
  if (version && (version.version !== shown?.version || version.textHash !== shown.textHash)) setShown(version);
  // An earlier version (picked in the version switcher) is read-only, as a viewer reads it.
  const view = useVersionView(doc, allClaims, shown ?? null);
  const claims = view.claims;
  const reader: Actor = view.earlier ? { ...user, role: 'viewer' } : user;
  const onScreen = view.earlier ?? shown;
  const articleDoc = useMemo(() => {
    if (early) return early.doc;
    if (!onScreen) return null;
    const same = firstPaint && onScreen.version === firstPaint.version && onScreen.textHash === firstPaint.textHash;
    return same ? firstPaint.doc : articleNode(onScreen.doc);
  }, [early, onScreen, firstPaint]);
  const index = useMemo(() => {
    if (!articleDoc) return null;
    return articleDoc === firstPaint?.doc ? firstPaint.index : buildTextIndex(articleDoc);
  }, [articleDoc, firstPaint]);
  const placement = useMemo(() => (index ? placeClaims(claims, index) : null), [claims, index]);
  const numbers = useMemo(() => placement?.numbers ?? numberClaims(claims), [placement, claims]);
  const notFound = useMemo(() => new Set(placement?.notFound.map((c) => c.id)), [placement]);
  // The sidebar's filters hide the other claims in the text too; numbers stay those of all claims.
  const claimFilters = useUi((s) => s.claimFilters);
  const highlights = useMemo<Highlight[]>(() => {
    if (early) return early.highlights;
    const placed = placement?.placed ?? [];
    return (filtersActive(claimFilters) ? placed.filter((p) => claimMatches(p.claim, claimFilters)) : placed).map(highlightOf);
  }, [early, placement, claimFilters]);
  const live = useMemo(() => ({ source: claimsSource(doc), shows: (claim: Claim) => claimMatches(claim, claimFilters) }), [doc, claimFilters]);
  const remote = useMemo(() => (index && !view.earlier ? remoteSelections(peers, index) : []), [peers, index, view.earlier]);

  // The payload's article on screen: the session may now load the doc (ArticlePage holds it back till then).
  const painted = !!early && !!articleDoc;
  useEffect(() => {
    if (painted && onFirstPaint) afterPaint(onFirstPaint);
  }, [painted, onFirstPaint]);

  useSessionEvents(session, user, ui.selection, ui.editor?.mode === 'edit' ? ui.editor.claimId : null);
  useUnsentWarning(session);
  useEffect(() => () => useUi.getState().resetArticle(), []);
  useEffect(() => {
    document.title = meta.title ? `${meta.title} — Factdesk` : 'Factdesk';
  }, [meta.title]);

  // Claims are written into the doc: not before it has synced.
  const mayAnnotate = canAnnotate(reader) && !early;
  const { openEditor } = ui;
  const annotate = useCallback(() => {
    if (!mayAnnotate) return;
    const range = useUi.getState().selection;
    if (range) openEditor({ mode: 'create', range });
    else showToast('Select the text of a claim in the article first.');
  }, [mayAnnotate, openEditor]);

  const deleteOne = (id: string) => {
    try {
      removeClaim(session.doc, user, id);
      showToast(`Claim ${numbers.get(id) ?? ''} deleted.`);
    } catch (error) {
      showToast((error as Error).message, 'error');
    }
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA') {
        event.preventDefault();
        annotate();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [annotate]);

  // A claim picked on one side is brought into view on the other.
  const focus = ui.focus;
  useEffect(() => {
    if (!focus) return;
    if (focus.origin === 'sidebar') {
      if (!revealClaimInText(document, focus.id)) showToast(`Claim ${numbers.get(focus.id) ?? ''} was not found in the text.`);
    } else revealClaimCard(document, focus.id);
    // Only a new request moves the view (not a change of numbers), so `focus` alone is the dependency.
  }, [focus]);

  return (
    <div className="article-layout">
      <main id="main" tabIndex={-1} className="article-main">
        <ArticleToolbar
          session={session}
          meta={meta}
          peers={peers}
          claimNumbers={numbers}
          annotate={mayAnnotate ? { enabled: !!ui.selection, onAnnotate: annotate } : null}
        />
        {shown && onScreen && (
          <VersionBar docId={session.docId} user={user} versions={view.versions} current={shown.version} shown={onScreen.version} onShow={view.show} />
        )}
        {articleDoc && index ? (
          <ArticleView
            doc={articleDoc}
            index={index}
            highlights={highlights}
            focusedId={focus?.id ?? null}
            remoteSelections={remote}
            onSelect={ui.setSelection}
            onActivate={(id) => ui.focusClaim(id, 'text')}
            onAnnotateKey={annotate}
            live={view.earlier || early ? null : live}
            // The server's static copy draws the payload's claims with none focused.
            staticHtml={early && highlights === early.highlights && !focus ? early.staticHtml : undefined}
            copyOf={early ? { docId: session.docId, version: early.version, textHash: early.textHash } : undefined}
          />
        ) : (
          <h1 className="article-loading">{loadingText(session)}</h1>
        )}
      </main>
      <aside aria-label="Claims" className="article-aside">
        {early ? (
          <p className="article-loading" role="status">Loading the claims…</p>
        ) : (
          <>
            {index && shown && !view.earlier && <TriagePanel session={session} user={user} claims={claims} numbers={numbers} text={index.text} version={shown.version} />}
            {index && shown && !view.earlier && <ClaimEditorPanel session={session} user={user} claims={claims} numbers={numbers} text={index.text} version={shown.version} />}
            <ClaimSidebar
              session={session}
              claims={claims}
              numbers={numbers}
              notFound={notFound}
              user={reader}
              onShow={(id) => ui.focusClaim(id, 'sidebar')}
              onEdit={(id) => openEditor({ mode: 'edit', claimId: id })}
              onDelete={deleteOne}
            />
          </>
        )}
      </aside>
    </div>
  );
}

function loadingText(session: ArticleSession): string {
  if (session.synced) return 'This article has no text yet.';
  if (session.loaded && typeof navigator !== 'undefined' && !navigator.onLine) return 'This article is not saved on this device yet: connect once to read it offline.';
  return 'Loading the article…';
}
