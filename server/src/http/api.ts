/**
 * The API's routes and how one is run: find it, check who is asking (401 without a
 * session, 403 without the role), run it, and turn what it returns or throws into JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '@factdesk/shared';
import type { z } from 'zod';
import { ApiError, badRequest } from '../errors.js';
import { readJsonBody } from './body.js';
import { sendError, sendJson, sendText, type Reply } from './respond.js';
import { createRouter } from './router.js';

export interface RouteContext<A extends Actor | null> {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  actor: A;
  /** The JSON body (`{}` when empty); 400 on malformed JSON, 413 past `limit` bytes (default BODY_LIMIT_BYTES). */
  body(limit?: number): Promise<unknown>;
}

export type ApiRoute =
  | { access: 'public'; handle(ctx: RouteContext<Actor | null>): Reply | Promise<Reply> }
  | { access: 'user' | 'admin'; handle(ctx: RouteContext<Actor>): Reply | Promise<Reply> };

export type RouteTable = [method: string, pattern: string, route: ApiRoute][];

/** `value` checked against `schema`; a 400 naming the first wrong field otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${field}${issue.message}`);
}

export interface ApiHandler {
  (req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): Promise<void>;
  /** The pattern of the route a request matches (`/api/documents/:id`): metrics count by it, never by the raw path. */
  routeOf?(method: string, pathname: string): string | null;
}

/** Runs the API described by `routes`; `log` receives unexpected errors (never bodies or tokens). */
export function createApi(
  routes: RouteTable,
  authenticate: (req: IncomingMessage) => Actor | null,
  log: (message: string) => void,
): ApiHandler {
  const router = createRouter<ApiRoute>();
  const patterns = new Map<ApiRoute, string>();
  for (const [method, pattern, route] of routes) {
    router.add(method, pattern, route);
    patterns.set(route, pattern);
  }

  const handle: ApiHandler = async (req, res, pathname, query) => {
    try {
      const found = router.find(req.method ?? 'GET', pathname);
      if (!found) throw new ApiError(404, `There is no API at ${req.method} ${pathname}.`);
      if ('allowed' in found) {
        return sendError(res, 405, `${req.method} is not allowed here.`, { Allow: found.allowed.join(', ') });
      }
      const { route, params } = found;
      const body = (limit?: number) => readJsonBody(req, limit);
      let reply: Reply;
      if (route.access === 'public') {
        reply = await route.handle({ req, params, query, body, actor: authenticate(req) });
      } else {
        const actor = authenticate(req);
        if (!actor) throw new ApiError(401, 'Please sign in.');
        if (route.access === 'admin' && actor.role !== 'admin') throw new ApiError(403, 'Only an admin may do this.');
        reply = await route.handle({ req, params, query, body, actor });
      }
      if (reply.text !== undefined) sendText(res, reply.status ?? 200, reply.text, reply.headers);
      else sendJson(res, reply.status ?? 200, reply.body ?? {}, reply.headers);
    } catch (error) {
      if (error instanceof ApiError) {
        const headers = error.status === 413 ? { ...error.headers, Connection: 'close' } : error.headers;
        return sendError(res, error.status, error.message, headers);
      }
      log(`Unexpected error on ${req.method} ${pathname}: ${error instanceof Error ? error.stack : String(error)}`);
      sendError(res, 500, 'Something went wrong on the server. Please try again.');
    }
  };
  handle.routeOf = (method, pathname) => {
    const found = router.find(method, pathname);
    return found && 'route' in found ? (patterns.get(found.route) ?? null) : null;
  };
  return handle;
}
