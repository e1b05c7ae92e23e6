/** Entry point: mounts the app and installs the offline service worker. */
import './app/no-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { afterPaint } from './editor/after-paint.js';
import { dropServerCopy, serverCopyOf } from './editor/server-copy.js';
import { registerServiceWorker } from './offline/register-service-worker.js';
import './styles.css';

const startApp = () =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// An article's page that came with its static copy shows it before the app's own work begins:
// otherwise that work (≈ 0.3 s on two busy cores) could run before the copy's first frame.
if (serverCopyOf(document) !== null) afterPaint(startApp);
else startApp();

registerServiceWorker();

// The app takes or drops an article page's static copy as it opens (server-copy.ts); should a
// path ever miss doing either, the app is not kept out of sight for more than this.
const SHOW_APP_AFTER_MS = 10_000;
setTimeout(() => dropServerCopy(document), SHOW_APP_AFTER_MS);
