/**
 * One article in the list: its title (the link to open it), publisher, publish date and
 * last activity, and, for an admin, the Archive / Unarchive button. Extra cells (such as
 * the claim counts) go in as children, after the link.
 */
import type { ReactNode } from 'react';
import type { DocumentSummary } from '../api/documents.js';
import { formatDate } from '../app/format.js';
import { Link } from './Link.js';

interface ArticleListRowProps {
  doc: DocumentSummary;
  /** Given for people who may archive: called with the wanted state. */
  onArchive?: (doc: DocumentSummary, archived: boolean) => void;
  busy?: boolean;
  children?: ReactNode;
}

/** "25 November 2026, 13:20" in the reader's locale. */
function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function ArticleListRow({ doc, onArchive, busy = false, children }: ArticleListRowProps) {
  const title = doc.title || 'Untitled article';
  const lastActivity = doc.lastActivity ?? doc.updatedAt;
  return (
    <li className={doc.archived ? 'article-row archived' : 'article-row'}>
      <Link href={`/articles/${encodeURIComponent(doc.id)}`} className="article-link">
        <span className="article-link-title">{title}</span>
        <span className="article-link-meta">
          {[
            doc.publisher,
            doc.publishedAt ? `Published ${formatDate(doc.publishedAt)}` : doc.createdAt && `Added ${formatDate(doc.createdAt)}`,
            lastActivity && `Last activity ${formatDateTime(lastActivity)}`,
            doc.archived && 'Archived',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </Link>
      {children}
      {onArchive && (
        <button
          type="button"
          className="article-archive"
          disabled={busy}
          aria-label={`${doc.archived ? 'Unarchive' : 'Archive'} ${title}`}
          onClick={() => onArchive(doc, !doc.archived)}
        >
          {doc.archived ? 'Unarchive' : 'Archive'}
        </button>
      )}
    </li>
  );
}
