/**
 * GET /metrics in Prometheus's text format: on the main port for an admin, or, when
 * METRICS_PORT is set, on a port of its own without sign-in (for a scraper inside the
 * network) and not on the main port at all.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '@factdesk/shared';
import type { Registry } from 'prom-client';
import { sendError } from '../http/respond.js';

export type MetricsEndpoint = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Answers a scrape. With `authenticate`, only an admin is answered (401 signed out, 403
 * otherwise), as the API's admin routes are; null is for the metrics port, which has no sessions.
 */
export function metricsEndpoint(
  registry: Registry,
  authenticate: ((req: IncomingMessage) => Actor | null) | null,
  log: (message: string) => void,
): MetricsEndpoint {
  return (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, `${method} is not allowed here.`, { Allow: 'GET, HEAD' });
    if (authenticate) {
      const actor = authenticate(req);
      if (!actor) return sendError(res, 401, 'Please sign in.');
      if (actor.role !== 'admin') return sendError(res, 403, 'Only an admin may do this.');
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': registry.contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
        res.end(method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        log(`Could not collect the metrics: ${error instanceof Error ? error.stack : String(error)}`);
        sendError(res, 500, 'Something went wrong on the server. Please try again.');
      },
    );
  };
}

export interface MetricsServer {
  /** Where the scraper finds the metrics, e.g. http://127.0.0.1:9100/metrics. */
  url: string;
  close(): Promise<void>;
}

/** Serves `endpoint` at /metrics on `port` of `host`, and nothing else. */
export async function startMetricsServer(endpoint: MetricsEndpoint, port: number, host: string): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const q = (req.url ?? '/').indexOf('?');
    const pathname = q < 0 ? req.url : req.url!.slice(0, q);
    if (pathname === '/metrics') endpoint(req, res);
    else sendError(res, 404, 'Only /metrics is served here.');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${name.includes(':') ? `[${name}]` : name}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
