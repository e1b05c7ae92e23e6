/**
 * What the commands that go through a running server share (`import-annotations`,
 * `new-version`): where the server is, calling it with readable errors, reading the input
 * file, and a session — signed in with --login and the password, signed out afterwards.
 */
import { readFileSync } from 'node:fs';
import { ApiError } from '../errors.js';
import { UsageError } from './usage-error.js';

export interface ServerSessionOptions {
  login?: string;
  password?: string;
  server?: string;
}

/** Calls the server; a server that cannot be reached is a readable error, not a stack trace. */
export async function call(server: string, path: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(new URL(path, server), init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    throw new ApiError(
      503,
      `Cannot reach the Factdesk server at ${server}${code ? ` (${code})` : ''}. Is it running (npm start)? Point to it with --server <url>.`,
    );
  }
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    throw new ApiError(502, `${server} answered ${response.status} with something that is not Factdesk's API. Is --server right?`);
  }
}

/** The server's base URL: --server, else localhost on $PORT (3000). */
export function serverUrl(options: ServerSessionOptions, env: NodeJS.ProcessEnv): string {
  const server = options.server ?? `http://localhost:${env.PORT || 3000}`;
  if (!/^https?:\/\/[^\s/]+/i.test(server)) throw new UsageError(`--server must be an http(s) URL, e.g. http://localhost:3000 (got "${server}").`);
  return server.replace(/\/+$/, '');
}

/** The text of `file`; a file that cannot be read is a 400 naming why. */
export function readInputFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ApiError(400, `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

/** Checks the sign-in options now, before any work: who signs in, and with which password. */
export function sessionCredentials(options: ServerSessionOptions, env: NodeJS.ProcessEnv): { login: string; password: string; server: string } {
  if (!options.login) throw new UsageError('Say who signs in with --login (a reviewer or an admin).');
  const password = options.password ?? env.FACTDESK_PASSWORD;
  if (!password) throw new UsageError('Give the password in the FACTDESK_PASSWORD environment variable (or --password).');
  return { login: options.login, password, server: serverUrl(options, env) };
}

/** Signs in, runs `fn` with the bearer header, and signs out whatever happened. */
export async function withServerSession<T>(
  { login, password, server }: { login: string; password: string; server: string },
  fn: (auth: { Authorization: string }) => Promise<T>,
): Promise<T> {
  const session = await call(server, '/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (session.status !== 200) throw new ApiError(session.status, `Sign-in as ${login} failed: ${String(session.body.error ?? session.status)}`);
  const auth = { Authorization: `Bearer ${String(session.body.token)}` };
  try {
    return await fn(auth);
  } finally {
    await call(server, '/api/session', { method: 'DELETE', headers: auth }).catch(() => undefined);
  }
}
