/**
 * The app shell: asks the server who is signed in, follows the URL, and shows the screen for
 * the route — the sign-in form for anyone not signed in.
 */
import { useEffect, useLayoutEffect } from 'react';
import { AppHeader } from '../components/AppHeader.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { dropServerCopy, serverCopyOf } from '../editor/server-copy.js';
import { Link } from '../components/Link.js';
import { Toasts } from '../components/Toasts.js';
import { ArticleListPage } from '../pages/ArticleListPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { useSession } from '../session/index.js';
import { useUi } from '../store/ui-store.js';
import { lazyPage } from './lazy-page.js';
import { navigate, startRouter } from './router.js';

// The article page (ProseMirror, Yjs) and the team page load on first use; sign-in and the list stay light.
const ArticlePage = lazyPage(() => import('../pages/ArticlePage.js').then((m) => m.ArticlePage), <Loading />);
const TeamPage = lazyPage(() => import('../pages/TeamPage.js').then((m) => m.TeamPage), <Loading />);
const ReviewQueuePage = lazyPage(() => import('../pages/ReviewQueuePage.js').then((m) => m.ReviewQueuePage), <Loading />);

// An article opened by its address: its page's code loads while the app asks who is signed in.
if (/^\/articles\/[^/]+\/?$/.test(location.pathname)) ArticlePage.preload().catch(() => {});

export function App() {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const route = useUi((s) => s.route);

  useEffect(() => {
    void useSession.getState().load();
    return startRouter();
  }, []);

  // An article's page may come with its static copy, kept on screen while that article loads (server-copy.ts).
  useLayoutEffect(() => {
    const sameArticle = status === 'signed-in' && route.name === 'article' && route.id === serverCopyOf(document);
    if (status !== 'unknown' && !sameArticle) dropServerCopy(document);
  }, [status, route]);

  // Sign-in is the only screen for someone not signed in, and pointless for someone who is.
  useEffect(() => {
    if (status === 'signed-out' && route.name !== 'signin') navigate('/signin', { replace: true });
    if (status === 'signed-in' && route.name === 'signin') navigate('/', { replace: true });
  }, [status, route.name]);

  return (
    <>
      {status === 'signed-in' && user && <AppHeader />}
      <ErrorBoundary key={route.name === 'article' ? `article:${route.id}` : route.name}>
        <Screen />
      </ErrorBoundary>
      <Toasts />
    </>
  );
}

function Screen() {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const route = useUi((s) => s.route);

  if (status === 'unknown' || (status === 'signed-in') !== (route.name !== 'signin')) return <Loading />;
  if (!user) return <SignInPage />;
  switch (route.name) {
    case 'articles':
      return <ArticleListPage />;
    case 'article':
      return <ArticlePage key={route.id} id={route.id} user={user} />;
    case 'team':
      return <TeamPage user={user} />;
    case 'review-queue':
      return <ReviewQueuePage />;
    default:
      return (
        <main id="main" tabIndex={-1} className="page">
          <h1>Page not found</h1>
          <p>
            Nothing lives at this address. <Link href="/">Go to the articles</Link>
          </p>
        </main>
      );
  }
}

function Loading() {
  return (
    <main id="main" className="page">
      <p>Loading…</p>
    </main>
  );
}
