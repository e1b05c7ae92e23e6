/**
 * The metrics of one server, in a registry of its own: tests run several servers in one
 * process, and prom-client's global registry would mix their counts (and refuse the second
 * server's metrics by name).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RoomMetrics, RoomStats } from '../rooms/index.js';
import { methodLabel, routeLabel, type ApiRouteOf } from './http-routes.js';
import { REFUSAL_REASONS, refusalReason } from './refusal-reasons.js';

/** From a sub-millisecond fsync to a disk that stalls for seconds. */
const LATENCY_BUCKETS = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];

export interface ServerMetrics {
  readonly registry: Registry;
  /** What the rooms call as updates are judged, written and relayed. */
  readonly rooms: RoomMetrics;
  /** Counts a request once its answer has gone out. */
  observeRequest(req: IncomingMessage, res: ServerResponse, pathname: string): void;
}

export interface ServerMetricsOptions {
  /** Asked at each scrape: the gauges show the rooms as they are, not as last reported. */
  roomStats: () => RoomStats;
  /** The API's route pattern for a request, for the HTTP counter's labels. */
  apiRouteOf: ApiRouteOf;
}

/** A registry with the default process metrics (memory, CPU, event-loop lag) and Factdesk's own. */
export function createServerMetrics(options: ServerMetricsOptions): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const { roomStats } = options;

  new Gauge({
    name: 'factdesk_websockets_open',
    help: 'Open collaboration websockets.',
    registers,
    collect() {
      this.set(roomStats().sockets);
    },
  });
  new Gauge({
    name: 'factdesk_rooms',
    help: 'Rooms in memory: awake (the document loaded) or resting (answering from the log).',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const stats = roomStats();
      this.set({ state: 'awake' }, stats.awakeRooms);
      this.set({ state: 'resting' }, stats.restingRooms);
    },
  });
  new Gauge({
    name: 'factdesk_held_update_bytes',
    help: 'Bytes of updates held until the changes they build on arrive.',
    registers,
    collect() {
      this.set(roomStats().heldBytes);
    },
  });
  const accepted = new Counter({ name: 'factdesk_updates_accepted_total', help: 'Updates from clients accepted.', registers });
  const refused = new Counter({
    name: 'factdesk_updates_refused_total',
    help: 'Updates from clients refused, by kind of reason.',
    labelNames: ['reason'] as const,
    registers,
  });
  // Every reason is shown from the start: a rate over a series that appears mid-range is lost.
  for (const reason of REFUSAL_REASONS) refused.inc({ reason }, 0);
  const commit = new Histogram({
    name: 'factdesk_log_commit_seconds',
    help: 'Time to make one batch of accepted updates durable in the update log.',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const delivery = new Histogram({
    name: 'factdesk_update_delivery_seconds',
    help: "Time from receiving a client's update to relaying it to the other clients (judged, applied, logged).",
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const requests = new Counter({
    name: 'factdesk_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });

  return {
    registry,
    rooms: {
      updateAccepted: () => accepted.inc(),
      updateRefused: (reason) => refused.inc({ reason: refusalReason(reason) }),
      updateDelivered: (seconds) => delivery.observe(seconds),
      logCommitted: (seconds) => commit.observe(seconds),
    },
    observeRequest(req, res, pathname) {
      const method = req.method ?? 'GET';
      res.once('finish', () => {
        requests.inc({ method: methodLabel(method), route: routeLabel(method, pathname, options.apiRouteOf), status: String(res.statusCode) });
      });
    },
  };
}
