/**
 * Writing answers. Every API answer is JSON, errors included (`{ "error": "..." }`), and
 * none is cached: it may carry a person's data.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What a route returns; the handler writes it. */
export interface Reply {
  status?: number;
  body?: unknown;
  headers?: OutgoingHttpHeaders;
  /** Sent as is instead of a JSON body (a download); `headers` must then carry its Content-Type. */
  text?: string;
}

/** Writes `body` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}

/** Writes `text` as is (e.g. an export), with its own Content-Type among `headers`. */
export function sendText(res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}

/** Writes `{ "error": message }` with `status`. */
export function sendError(res: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders = {}): void {
  sendJson(res, status, { error: message }, headers);
}
