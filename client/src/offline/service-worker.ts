/**
 * The service worker that lets the app open with the network gone, after one online visit.
 * Hand-written and small on purpose. The build (vite.config.ts) compiles it to /sw.js and
 * puts the list of built files (PRECACHE) and a build id (BUILD_VERSION) in front of it, so
 * every build is a new worker with its own cache, and the old cache is deleted.
 *
 * - The built app (index.html, /assets/*): cache-first. Asset names carry a content hash, and
 *   index.html is replaced with the whole cache when a new build's worker takes over.
 * - /api: not intercepted, so always the network. The app itself remembers the little it needs
 *   offline (who is signed in, the article list) where signing out can clear it.
 * - /collab (websockets) and /healthz: never touched.
 */

/** The files of this build, injected by the build. */
declare const PRECACHE: string[];
/** An id of this build, injected by the build. */
declare const BUILD_VERSION: string;

// The DOM library describes windows; these are the few worker types used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const worker = self as unknown as WorkerScope;
const CACHE_PREFIX = 'factdesk-shell-';
const CACHE = CACHE_PREFIX + BUILD_VERSION;
const APP_PAGE = '/index.html';
const NOT_OURS = ['/api/', '/collab', '/healthz'];

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

async function cacheFirst(request: Request, key: Request | string = request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (NOT_OURS.some((prefix) => url.pathname.startsWith(prefix))) return;
  // Every page of the app is the same index.html; the app's router reads the address.
  if (request.mode === 'navigate') event.respondWith(cacheFirst(request, APP_PAGE));
  else event.respondWith(cacheFirst(request));
});

export {};
