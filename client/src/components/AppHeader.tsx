/** The banner on every signed-in screen: the app name, the main links, who is signed in, sign out. */
import type { ReactNode } from 'react';
import { roleAtLeast } from '@factdesk/shared';
import { ROLE_LABELS } from '../app/format.js';
import { navigate } from '../app/router.js';
import { useSession } from '../session/index.js';
import { showToast } from '../store/ui-store.js';
import { ForYouButton } from './ForYouButton.js';
import { Link } from './Link.js';
import { ReviewQueueLink } from './ReviewQueueLink.js';
import { ShortcutsOverlay } from './ShortcutsOverlay.js';

export function AppHeader({ children }: { children?: ReactNode }) {
  const user = useSession((s) => s.user);
  const signOut = useSession((s) => s.signOut);

  const onSignOut = async () => {
    try {
      await signOut();
    } catch {
      showToast('The server did not confirm the sign-out; your session here is closed.', 'error');
    }
    navigate('/signin');
  };

  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Link className="app-name" href="/">
        Factdesk
      </Link>
      <nav aria-label="Main" className="app-nav">
        <ul>
          <li>
            <Link href="/">Articles</Link>
          </li>
          {user && roleAtLeast(user.role, 'reviewer') && (
            <li>
              <ReviewQueueLink />
            </li>
          )}
          {user?.role === 'admin' && (
            <li>
              <Link href="/team">Team</Link>
            </li>
          )}
        </ul>
      </nav>
      {children}
      <ShortcutsOverlay />
      {user && <ForYouButton />}
      {user && (
        <div className="app-user">
          <span className="app-user-name">{user.name}</span> <span className="role-tag">{ROLE_LABELS[user.role] ?? user.role}</span>
          <button type="button" className="button-quiet" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
