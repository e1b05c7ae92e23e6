/**
 * Prometheus metrics: one registry per server (server-metrics.ts), the /metrics endpoint and
 * its optional port of its own (metrics-endpoint.ts), and the bounded labels requests and
 * refusals are counted under (http-routes.ts, refusal-reasons.ts).
 */
export { createServerMetrics, type ServerMetrics, type ServerMetricsOptions } from './server-metrics.js';
export { metricsEndpoint, startMetricsServer, type MetricsEndpoint, type MetricsServer } from './metrics-endpoint.js';
export { REFUSAL_REASONS, refusalReason, type RefusalReason } from './refusal-reasons.js';
export { routeLabel, methodLabel, type ApiRouteOf } from './http-routes.js';
