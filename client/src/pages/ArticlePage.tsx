/**
 * /articles/:id — asks for the article's first-paint payload (its text and its claims'
 * highlights; main.tsx has already asked when the app was opened at this address), which also
 * tells a wrong link (404) from an article, then opens its collaboration session and shows the
 * workspace, drawn from the payload until the Y.Doc has synced. The session's offline copy and
 * socket start once that first paint is on screen (at once without a payload): applying a big
 * doc holds the main thread for seconds, and the highlights should not wait behind it.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Actor } from '@factdesk/shared';
import { takeFirstPaint } from '../api/first-paint.js';
import { readFirstPaint, type FirstPaintArticle } from '../api/first-paint-payload.js';
import { ApiError } from '../api/http.js';
import { Link } from '../components/Link.js';
import { dropServerCopy } from '../editor/server-copy.js';
import { useArticleSession } from '../hooks/use-article-session.js';
import { useSession } from '../session/index.js';
import { ArticleWorkspace } from './ArticleWorkspace.js';

type Check = 'checking' | 'ok' | 'missing';

/** Past this the session opens without waiting for the payload (a slow server should not hold the doc back too). */
const OPEN_ANYWAY_AFTER_MS = 2_000;

/** A promise and its resolve: the session waits on it until the first paint is on screen. */
function firstPaintDone(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export function ArticlePage({ id, user }: { id: string; user: Actor }) {
  const [check, setCheck] = useState<Check>('checking');
  const [firstPaint, setFirstPaint] = useState<FirstPaintArticle | null>(null);
  const [painted] = useState(firstPaintDone);
  useEffect(() => {
    let current = true;
    let late = false;
    const openAnyway = setTimeout(() => {
      // Opened without it: a payload arriving later would only make the view be built again.
      late = true;
      painted.resolve();
      setCheck((now) => (now === 'checking' ? 'ok' : now));
    }, OPEN_ANYWAY_AFTER_MS);
    takeFirstPaint(id).then(
      (value) => {
        if (!current) return;
        clearTimeout(openAnyway);
        const payload = readFirstPaint(value, id);
        if (payload && !late) setFirstPaint(payload);
        else painted.resolve();
        setCheck('ok');
      },
      (error: unknown) => {
        if (!current) return;
        clearTimeout(openAnyway);
        painted.resolve();
        if (error instanceof ApiError && error.status === 401) useSession.getState().sessionEnded();
        // Unreachable server: open the session anyway; it shows the connection state.
        setCheck(error instanceof ApiError && (error.status === 404 || error.status === 403) ? 'missing' : 'ok');
      },
    );
    return () => {
      current = false;
      clearTimeout(openAnyway);
    };
  }, [id, painted]);

  // The page's static copy (server-copy.ts) is taken by the article view, which needs the payload.
  useLayoutEffect(() => {
    if (check !== 'checking' && !firstPaint) dropServerCopy(document);
  }, [check, firstPaint]);

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
  return <OpenArticle id={id} user={user} firstPaint={firstPaint} painted={painted} />;
}

function OpenArticle({ id, user, firstPaint, painted }: { id: string; user: Actor; firstPaint: FirstPaintArticle | null; painted: ReturnType<typeof firstPaintDone> }) {
  const session = useArticleSession(id, painted.promise);
  if (!session) {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>Loading the article…</h1>
      </main>
    );
  }
  return <ArticleWorkspace session={session} user={user} firstPaint={firstPaint} onFirstPaint={painted.resolve} />;
}
