/**
 * / — the articles the team is checking, most recently active first: search by title, a
 * "New article" form for those who may import, and archiving for admins (offline: the
 * list as last seen here).
 */
import { useEffect, useState } from 'react';
import { canImportArticles } from '@factdesk/shared';
import { searchDocuments, setDocumentArchived } from '../api/article-import.js';
import type { DocumentSummary } from '../api/documents.js';
import { ApiError } from '../api/http.js';
import { navigate } from '../app/router.js';
import { ArticleListRow } from '../components/ArticleListRow.js';
import { ClaimCounts } from '../components/ClaimCounts.js';
import { NewArticleForm } from '../components/NewArticleForm.js';
import { useCurrentUser } from '../session/index.js';
import { rememberDocuments, rememberedDocuments } from '../session/offline-memory.js';

/** How long typing pauses before the search is sent. */
const SEARCH_DELAY_MS = 250;

export function ArticleListPage() {
  const user = useCurrentUser();
  const isAdmin = user?.role === 'admin';
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<string | null>(null);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    document.title = 'Articles — Factdesk';
  }, []);

  useEffect(() => {
    let current = true;
    const unfiltered = query.trim() === '' && !showArchived;
    const timer = setTimeout(
      () =>
        searchDocuments({ query, includeArchived: showArchived }).then(
          (docs) => {
            if (unfiltered) rememberDocuments(docs);
            if (!current) return;
            setDocuments(docs);
            setError(null);
            setOffline(false);
          },
          (e: Error) => {
            if (!current) return;
            const remembered = e instanceof ApiError && e.status === 0 && unfiltered ? rememberedDocuments() : null;
            if (remembered) {
              setDocuments(remembered.filter((doc) => !doc.archived));
              setOffline(true);
            } else setError(e.message);
          },
        ),
      query ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, showArchived, reload]);

  const archive = async (doc: DocumentSummary, archived: boolean) => {
    setArchiving(doc.id);
    setArchiveError(null);
    try {
      await setDocumentArchived(doc.id, archived);
      setReload((n) => n + 1);
    } catch (e) {
      setArchiveError(`${doc.title} could not be ${archived ? 'archived' : 'unarchived'}: ${(e as Error).message}`);
    } finally {
      setArchiving(null);
    }
  };

  return (
    <main id="main" tabIndex={-1} className="page">
      <div className="article-list-header">
        <h1>Articles</h1>
        {user && canImportArticles(user) && (
          <button
            type="button"
            className="button-primary"
            aria-expanded={creating}
            aria-controls={creating ? 'new-article' : undefined}
            onClick={() => setCreating((open) => !open)}
          >
            New article
          </button>
        )}
      </div>
      {creating && (
        <div id="new-article">
          <NewArticleForm onCancel={() => setCreating(false)} onImported={(doc) => navigate(`/articles/${encodeURIComponent(doc.id)}`)} />
        </div>
      )}
      <div className="article-list-filters" role="search">
        <label htmlFor="article-search">Search articles</label>
        <input id="article-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        {isAdmin && (
          <label className="checkbox">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
          </label>
        )}
      </div>
      {offline && <p role="status">You are offline: this is the list as last seen on this device.</p>}
      {error && (
        <p className="form-error" role="alert">
          The articles could not be loaded: {error}
        </p>
      )}
      {archiveError && (
        <p className="form-error" role="alert">
          {archiveError}
        </p>
      )}
      {!documents && !error && <p>Loading…</p>}
      {documents && documents.length === 0 && <p role="status">{query.trim() ? 'No articles match this search.' : 'No articles yet.'}</p>}
      {documents && documents.length > 0 && (
        <ul className="article-list" aria-label="Articles">
          {documents.map((doc) => (
            <ArticleListRow key={doc.id} doc={doc} busy={archiving === doc.id} onArchive={isAdmin ? archive : undefined}>
              <ClaimCounts counts={doc.counts} />
            </ArticleListRow>
          ))}
        </ul>
      )}
    </main>
  );
}
