/**
 * Starts the real server for a test, in-process on 127.0.0.1 and port 0, over a temporary
 * data directory (and optionally seeds and a fake built client), with helpers to call
 * the API as a script would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../app.js';
import type { Config } from '../config.js';
import { makeTempDir } from './temp-dir.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestServerOptions {
  /** Reuse a data directory (it is then not removed on close). */
  dataDir?: string;
  /** Seed files by name, e.g. { 'bridge.txt': 'Title\nBody' }; none by default. */
  seeds?: Record<string, string>;
  /** Files of the built client by path; without it there is no built client. */
  clientFiles?: Record<string, string>;
  adminPassword?: string;
  config?: Partial<Config>;
  loginLimits?: StartOptions['loginLimits'];
  roomLimits?: StartOptions['roomLimits'];
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
  body: any;
}

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  dataDir: string;
  server: RunningServer;
  /** Everything the server logged. */
  logs: string[];
  call(path: string, options?: CallOptions): Promise<ApiAnswer>;
  /** Signs in and returns the bearer token (throws unless it worked). */
  signIn(login: string, password: string): Promise<string>;
  /** An admin's token. */
  adminToken(): Promise<string>;
  /** Adds a user through the API and signs them in. */
  addUser(login: string, role: string): Promise<{ id: string; token: string; password: string }>;
  close(): Promise<void>;
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Starts a server for one test; always `close()` it. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const temp = makeTempDir('factdesk-server-');
  const dataDir = options.dataDir ?? join(temp.path, 'data');
  const seedsDir = join(temp.path, 'seeds');
  const clientDir = join(temp.path, 'client');
  mkdirSync(seedsDir);
  writeFiles(seedsDir, options.seeds ?? {});
  if (options.clientFiles) writeFiles(clientDir, options.clientFiles);

  const logs: string[] = [];
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminPassword: 'adminPassword' in options ? options.adminPassword : ADMIN_PASSWORD,
    seedsDir,
    clientDir,
    publicUrl: undefined,
    secureCookies: false,
    trustProxy: false,
    ...options.config,
  };
  let server: RunningServer;
  try {
    server = await startServer(config, { log: (m) => logs.push(m), loginLimits: options.loginLimits, roomLimits: options.roomLimits });
  } catch (error) {
    temp.remove();
    throw error;
  }

  const call = async (path: string, { method = 'GET', token, body, rawBody, headers = {} }: CallOptions = {}) => {
    const sendsBody = rawBody !== undefined || body !== undefined;
    const response = await fetch(server.url + path, {
      method,
      headers: {
        ...(sendsBody ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json');
    return { status: response.status, headers: response.headers, body: isJson && text ? JSON.parse(text) : text };
  };

  const signIn = async (login: string, password: string) => {
    const answer = await call('/api/session', { method: 'POST', body: { login, password } });
    if (answer.status !== 200) throw new Error(`Sign-in as ${login} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.token as string;
  };

  let admin: string | undefined;
  const adminToken = async () => (admin ??= await signIn('admin', ADMIN_PASSWORD));

  return {
    url: server.url,
    dataDir,
    server,
    logs,
    call,
    signIn,
    adminToken,
    async addUser(login, role) {
      const password = `${login}-password`;
      const answer = await call('/api/users', {
        method: 'POST',
        token: await adminToken(),
        body: { login, name: login, role, password },
      });
      if (answer.status !== 201) throw new Error(`Adding ${login} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return { id: answer.body.user.id as string, token: await signIn(login, password), password };
    },
    async close() {
      await server.close();
      temp.remove();
    },
  };
}
