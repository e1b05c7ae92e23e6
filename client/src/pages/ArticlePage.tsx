/**
 * /articles/:id — checks the article exists (so a wrong link says so instead of reconnecting
 * forever), then opens its collaboration session and shows the workspace.
 */
import { useEffect, useState } from 'react';
import type { Actor } from '@factdesk/shared';
import { fetchDocument } from '../api/documents.js';
import { ApiError } from '../api/http.js';
import { Link } from '../components/Link.js';
import { useArticleSession } from '../hooks/use-article-session.js';
import { useSession } from '../session/index.js';
import { ArticleWorkspace } from './ArticleWorkspace.js';

type Check = 'checking' | 'ok' | 'missing';

export function ArticlePage({ id, user }: { id: string; user: Actor }) {
  const [check, setCheck] = useState<Check>('checking');
  useEffect(() => {
    let current = true;
    setCheck('checking');
    fetchDocument(id).then(
      () => current && setCheck('ok'),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) useSession.getState().sessionEnded();
        // Unreachable server: open the session anyway; it shows the connection state.
        setCheck(error instanceof ApiError && (error.status === 404 || error.status === 403) ? 'missing' : 'ok');
      },
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (check === 'missing') {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>Article not found</h1>
        <p>
          There is no article at this address, or you may not open it. <Link href="/">Back to the articles</Link>
        </p>
      </main>
    );
  }
  if (check === 'checking') {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>Loading the article…</h1>
      </main>
    );
  }
  return <OpenArticle id={id} user={user} />;
}

function OpenArticle({ id, user }: { id: string; user: Actor }) {
  const session = useArticleSession(id);
  if (!session) {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>Loading the article…</h1>
      </main>
    );
  }
  return <ArticleWorkspace session={session} user={user} />;
}
