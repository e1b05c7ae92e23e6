/** / — the articles the team is checking, newest first (offline: the list as last seen here). */
import { useEffect, useState } from 'react';
import { fetchDocuments, type DocumentSummary } from '../api/documents.js';
import { ApiError } from '../api/http.js';
import { formatDate } from '../app/format.js';
import { Link } from '../components/Link.js';
import { rememberDocuments, rememberedDocuments } from '../session/offline-memory.js';

export function ArticleListPage() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    document.title = 'Articles — Factdesk';
    let current = true;
    fetchDocuments().then(
      (docs) => {
        rememberDocuments(docs);
        if (current) setDocuments(docs);
      },
      (e: Error) => {
        if (!current) return;
        const remembered = e instanceof ApiError && e.status === 0 ? rememberedDocuments() : null;
        if (remembered) {
          setDocuments(remembered);
          setOffline(true);
        } else setError(e.message);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const sorted = documents && [...documents].sort((a, b) => Number(a.archived) - Number(b.archived) || b.createdAt.localeCompare(a.createdAt));

  return (
    <main id="main" tabIndex={-1} className="page">
      <h1>Articles</h1>
      {offline && <p role="status">You are offline: this is the list as last seen on this device.</p>}
      {error && (
        <p className="form-error" role="alert">
          The articles could not be loaded: {error}
        </p>
      )}
      {!sorted && !error && <p>Loading…</p>}
      {sorted && sorted.length === 0 && <p>No articles yet.</p>}
      {sorted && sorted.length > 0 && (
        <ul className="article-list">
          {sorted.map((doc) => (
            <li key={doc.id} className={doc.archived ? 'archived' : undefined}>
              <Link href={`/articles/${encodeURIComponent(doc.id)}`} className="article-link">
                <span className="article-link-title">{doc.title || 'Untitled article'}</span>
                <span className="article-link-meta">
                  {[
                    doc.publisher,
                    doc.publishedAt ? `Published ${formatDate(doc.publishedAt)}` : doc.createdAt && `Added ${formatDate(doc.createdAt)}`,
                    doc.archived && 'Archived',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
