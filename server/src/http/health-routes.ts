/**
 * What a load balancer or service manager asks: `/healthz` (the process is alive: restart it
 * if not) and `/readyz` (send it traffic: the database answers, the update log's workers run,
 * it is not stopping). Apart from the probes, a stopping server answers every request and
 * upgrade 503, so nothing new starts once the stop has begun.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Db } from '../db/database.js';
import type { WorkerCheck } from '../persistence/update-log.js';
import { sendError, sendJson } from './respond.js';

export interface HealthDeps {
  db: Db;
  /** The update log's worker threads (update-log.ts `workers()`). */
  workers: () => WorkerCheck[];
  stopping: () => boolean;
}

export type Readiness = { ready: true } | { ready: false; status: string; error: string };

const STOPPING = 'The server is shutting down.';

/** Whether the server should get traffic, and if not, why; cheap enough for a probe every second. */
export function checkReadiness(deps: HealthDeps): Readiness {
  if (deps.stopping()) return { ready: false, status: 'shutting down', error: STOPPING };
  try {
    deps.db.prepare('SELECT 1').get();
  } catch (error) {
    return { ready: false, status: 'database unavailable', error: `The database does not answer: ${messageOf(error)}` };
  }
  const stopped = deps.workers().find((worker) => !worker.running);
  if (stopped) return { ready: false, status: 'update log unavailable', error: `The update log's ${stopped.name} stopped: ${stopped.error}` };
  return { ready: true };
}

/** Answers the probes, and everything while stopping; returns false for a request it leaves to others. */
export function createHealthRoutes(deps: HealthDeps): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  return (req, res, pathname) => {
    const method = req.method ?? 'GET';
    if (pathname === '/healthz' || pathname === '/readyz') {
      if (method !== 'GET' && method !== 'HEAD') sendError(res, 405, `${method} is not allowed here.`, { Allow: 'GET, HEAD' });
      else if (pathname === '/healthz') sendJson(res, 200, { status: 'ok' });
      else {
        const readiness = checkReadiness(deps);
        if (readiness.ready) sendJson(res, 200, { status: 'ready' });
        else sendJson(res, 503, { status: readiness.status, error: readiness.error });
      }
      return true;
    }
    if (!deps.stopping()) return false;
    sendError(res, 503, STOPPING, { Connection: 'close', 'Retry-After': '5' });
    return true;
  };
}

/** Refuses a websocket upgrade that arrives once the stop has begun. */
export function refuseUpgradeWhileStopping(socket: Duplex): void {
  const body = JSON.stringify({ error: STOPPING });
  socket.end(
    `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 5\r\nConnection: close\r\n\r\n${body}`,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
