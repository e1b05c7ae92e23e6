/**
 * Assembles the server: storage, accounts, documents, the HTTP API and the collaboration
 * rooms, listening on one port. Tests start it exactly as `npm start` does, on port 0.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuditLog } from './audit/audit-log.js';
import { createSessionAuthenticator } from './auth/authenticate.js';
import { createClaimsIndex } from './claims-index/index.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { createLoginLimiter, type LoginLimiterOptions } from './auth/login-limiter.js';
import { createSessionStore } from './auth/sessions.js';
import { createTeam } from './auth/team.js';
import { createUserRepository } from './auth/users.js';
import type { Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { createDocumentRepository } from './documents/documents.js';
import { seedDocuments } from './documents/seed.js';
import { createApi } from './http/api.js';
import { annotationImportRoutes } from './http/annotation-import-routes.js';
import { versionRoutes } from './http/version-routes.js';
import { claimRoutes } from './http/claim-routes.js';
import { documentRoutes } from './http/document-routes.js';
import { exportRoutes } from './http/export-routes.js';
import { createFirstPaintCache } from './http/first-paint-cache.js';
import { createArticlePage } from './http/article-page.js';
import { firstPaintRoutes } from './http/first-paint-routes.js';
import { reviewQueueRoutes } from './http/review-queue-routes.js';
import { createRequestHandler } from './http/handler.js';
import { createHealthRoutes, refuseUpgradeWhileStopping } from './http/health-routes.js';
import { sessionRoutes } from './http/session-routes.js';
import { userRoutes } from './http/user-routes.js';
import { createSqliteUpdateLog } from './persistence/update-log.js';
import { createSqliteClientOwners } from './persistence/client-owners.js';
import { createClaimWatcher } from './notifications/claim-watcher.js';
import { createNotificationStore } from './notifications/notification-store.js';
import { notificationRoutes } from './notifications/notification-routes.js';
import { createSettings } from './settings/settings.js';
import { settingsRoutes } from './settings/settings-routes.js';
import { createRooms, type ClaimsChangeListener, type RoomLimits } from './rooms/index.js';
import { createServerMetrics, metricsEndpoint, startMetricsServer } from './metrics/index.js';

export interface RunningServer {
  /** Where the server answers, e.g. http://127.0.0.1:43210. */
  url: string;
  port: number;
  /** Where the metrics are served without sign-in, when METRICS_PORT is set. */
  metricsUrl?: string;
  db: Db;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where messages go (default: the console). Never given passwords, except the first admin's generated one. */
  log?: (message: string) => void;
  /** Only for the benchmark: turn the per-update permission checks off to measure their cost. */
  checkUpdates?: boolean;
  /** For tests that exercise the limiter without waiting 15 minutes. */
  loginLimits?: LoginLimiterOptions;
  /** The websocket limits (message size and rate, sockets per address, ping interval); defaults otherwise. */
  roomLimits?: RoomLimits;
}

/** The address this machine reaches the server at: localhost when listening on every interface. */
function localUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/** Counts the requests being answered, so that a stop can let them finish. */
function trackRequests(server: Server): { finished(): Promise<void> } {
  let open = 0;
  const idle: (() => void)[] = [];
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    open++;
    res.once('close', () => {
      if (--open > 0) return;
      for (const resolve of idle.splice(0)) resolve();
    });
  });
  return { finished: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))) };
}

/**
 * Opens the data directory, seeds it on first start, and listens. `close()` undoes it all,
 * gracefully: readiness and new requests get 503 at once, requests under way finish, the
 * sockets are closed with 1001 and everything accepted is in the log before the database closes.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const db = openDatabase(config.dataDir);
  try {
    const users = createUserRepository(db);
    const sessions = createSessionStore(db);
    const audit = createAuditLog(db);
    const team = createTeam({ users, sessions, audit });
    const firstAdmin = await ensureFirstAdmin({ users, team }, config.adminPassword);

    const updateLog = createSqliteUpdateLog(db);
    const documents = createDocumentRepository(db);
    const seeded = seedDocuments({ db, documents, log: updateLog }, config.seedsDir, log);
    if (seeded.length > 0) log(`Imported ${seeded.length} seed article${seeded.length === 1 ? '' : 's'}: ${seeded.join(', ')}`);
    (await import('./documents/repair.js')).repairAtStart({ documents, log: updateLog, audit }, log);

    const claimsIndex = createClaimsIndex(db);
    claimsIndex.backfill(documents.list().map((d) => d.id), updateLog);

    const settings = createSettings(db, audit);
    const notifications = createNotificationStore(db);
    // The rooms are made below and tell this cache about claims; it reads docs through them.
    const firstPaint = createFirstPaintCache((docId, fn) => rooms.withDoc(docId, fn));
    // Everything told when claims change: one line per feature.
    const claimListeners: ClaimsChangeListener[] = [
      (change) => claimsIndex.onClaimsChanged(change),
      (change) => firstPaint.onClaimsChanged(change),
      createClaimWatcher({ users, store: notifications, rules: () => settings.current() }),
    ];
    const originPolicy = { publicUrl: config.publicUrl, trustProxy: config.trustProxy };
    const sessionOf = createSessionAuthenticator(sessions, originPolicy);
    const authenticate = (req: IncomingMessage) => sessionOf(req)?.actor ?? null;
    // The rooms and the API are made below; the metrics ask them only when scraped or counting.
    const metrics = createServerMetrics({ roomStats: () => rooms.stats(), apiRouteOf: (method, path) => api.routeOf?.(method, path) ?? null });
    const rooms = createRooms({
      onClaimsChanged: (change) => claimListeners.forEach((listener) => listener(change)),
      rules: () => settings.current(),
      log: updateLog,
      owners: createSqliteClientOwners(db),
      documentExists: (id) => documents.exists(id),
      authenticate: sessionOf,
      sessionIsLive: (id) => sessions.isLive(id),
      publicUrl: config.publicUrl,
      onError: log,
      checkUpdates: options.checkUpdates,
      trustProxy: config.trustProxy,
      metrics: metrics.rooms,
      ...options.roomLimits,
    });
    const api = createApi(
      [
        ...sessionRoutes({
          users,
          sessions,
          limiter: createLoginLimiter(options.loginLimits),
          secureCookies: config.secureCookies,
          originPolicy,
          trustProxy: config.trustProxy,
          rooms,
        }),
        ...documentRoutes({ db, documents, log: updateLog, audit, claimCounts: () => claimsIndex.counts() }),
        ...exportRoutes({ documents, rooms, organisation: config.organisation }),
        ...reviewQueueRoutes({ index: claimsIndex }),
        ...annotationImportRoutes({ documents, rooms, audit }),
        ...versionRoutes({ documents, rooms, audit, onNewVersion: (docId) => firstPaint.forget(docId) }),
        ...claimRoutes({ documents, rooms, audit, rules: () => settings.current() }),
        ...firstPaintRoutes({ documents, firstPaint }),
        ...userRoutes({ users, team, rooms }),
        ...settingsRoutes({ settings }),
        ...notificationRoutes({ notifications }),
      ],
      authenticate,
      log,
    );

    /** Set when the stop begins: from then on /readyz, every new request and every upgrade get a 503. */
    let stopping = false;
    const health = createHealthRoutes({ db, workers: () => updateLog.workers(), stopping: () => stopping });
    const articlePage = createArticlePage({ clientDir: config.clientDir, authenticate, documents, firstPaint });
    const metricsPort = config.metricsPort;
    const scrape = metricsEndpoint(metrics.registry, metricsPort === undefined ? authenticate : null, log);
    const server = createServer(
      createRequestHandler({
        api,
        clientDir: config.clientDir,
        https: config.secureCookies,
        log,
        articlePage,
        health,
        metrics: metricsPort === undefined ? scrape : undefined,
        observe: metrics.observeRequest,
      }),
    );
    const requests = trackRequests(server);
    server.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy());
      if (stopping) return refuseUpgradeWhileStopping(socket);
      try {
        if ((req.url ?? '').startsWith('/collab/')) rooms.handleUpgrade(req, socket, head);
        else socket.destroy();
      } catch (error) {
        // An upgrade listener that throws ends the process: refuse this socket alone.
        log(`Unexpected error on an upgrade: ${error instanceof Error ? error.stack : String(error)}`);
        socket.destroy();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });

    const metricsServer =
      metricsPort === undefined
        ? null
        : await startMetricsServer(scrape, metricsPort, config.host).catch((error: unknown) => {
            server.close();
            throw error;
          });

    const port = (server.address() as AddressInfo).port;
    const url = localUrl(config.host, port);
    if (firstAdmin?.generatedPassword) {
      // The one time this password exists in clear: the admin needs it to sign in.
      const signInUrl = config.publicUrl?.replace(/\/+$/, '') ?? url;
      log(
        `\nCreated the admin account. Sign in at ${signInUrl} with\n  login:    ${firstAdmin.login}\n` +
          `  password: ${firstAdmin.generatedPassword}\nIt is shown only this once; change it under Team.\n`,
      );
    } else if (firstAdmin) {
      log(`Created the admin account "${firstAdmin.login}" with the password from FACTDESK_ADMIN_PASSWORD.`);
    }

    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      metricsUrl: metricsServer?.url,
      db,
      close() {
        closing ??= (async () => {
          stopping = true;
          // A request under way may still change a document (through the rooms): it finishes,
          // and is logged, before the rooms close their sockets (1001) and flush the log.
          await requests.finished();
          await rooms.close();
          await metricsServer?.close();
          await updateLog.close?.();
          claimsIndex.close();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
