/**
 * The bar above the article: connection state, who is here, the Annotate button (for roles
 * that may annotate), which works on the selected text and has two keyboard shortcuts, and
 * the Export menu (for everyone).
 */
import type { ArticleMeta } from '@factdesk/shared';
import { formatDate } from '../app/format.js';
import type { ArticleSession, Peer } from '../collab/index.js';
import { useOnline } from '../hooks/use-online.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { ExportMenu } from './ExportMenu.js';
import { PresenceList } from './PresenceList.js';

export interface ArticleToolbarProps {
  session: ArticleSession;
  meta: ArticleMeta;
  peers: Peer[];
  claimNumbers: Map<string, number>;
  /** Null hides the Annotate button (the role cannot annotate). */
  annotate: { enabled: boolean; onAnnotate(): void } | null;
}

export function ArticleToolbar({ session, meta, peers, claimNumbers, annotate }: ArticleToolbarProps) {
  const online = useOnline();
  return (
    <div className="article-toolbar">
      <div className="article-facts">
        {meta.publisher && <span>{meta.publisher}</span>}
        {meta.publishedAt && <span>{formatDate(meta.publishedAt)}</span>}
        {meta.sourceUrl && /^https?:\/\//i.test(meta.sourceUrl) && (
          <a href={meta.sourceUrl} target="_blank" rel="nofollow noopener noreferrer">
            Original article
          </a>
        )}
        {meta.currentVersion > 1 && <span>Version {meta.currentVersion}</span>}
      </div>
      <ConnectionStatus session={session} />
      <PresenceList peers={peers} claimNumbers={claimNumbers} />
      <div role="toolbar" aria-label="Article tools" className="tools">
        {annotate && (
          <>
            <button
              type="button"
              className="button-primary"
              disabled={!annotate.enabled}
              aria-keyshortcuts="A Alt+Shift+A"
              aria-describedby="annotate-hint"
              title="Annotate the selected text (A while the article has focus, or Alt+Shift+A)"
              onClick={annotate.onAnnotate}
            >
              Annotate
            </button>
            <span id="annotate-hint" className="hint">
              {annotate.enabled ? 'Shortcut: A, or Alt+Shift+A' : 'Select text in the article to annotate it'}
            </span>
          </>
        )}
        <ExportMenu docId={session.docId} connected={online && session.status === 'connected' && !session.closed} />
      </div>
    </div>
  );
}
