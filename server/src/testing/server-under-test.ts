/**
 * The real server, in-process, on a free port of 127.0.0.1, with a real data directory —
 * plus the few HTTP calls tests make as people would: sign in, add a colleague.
 */
import { loadConfig } from '../config.js';
import { startServer } from '../app.js';
import { makeTempDir } from './temp-dir.js';
import type { Actor, Role } from '@factdesk/shared';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface ServerUnderTest {
  url: string;
  dataDir: string;
  /** Signs in and returns the bearer token and user. */
  signIn(login: string, password: string): Promise<{ token: string; user: Actor }>;
  /** Adds a person with this role (as the admin) and signs them in. */
  addPerson(login: string, role: Role, name?: string): Promise<{ token: string; user: Actor }>;
  /** How many documents the database holds. */
  documentCount(): number;
  /** How many updates (snapshot included) the log holds for a document. */
  updateCount(docId: string): number;
  /** Stops the server (data stays). */
  stop(): Promise<void>;
  /** Starts a new server on the same data directory. */
  restart(): Promise<ServerUnderTest>;
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>;
}

/** Starts the server on `dataDir` (a fresh temp dir by default). */
export async function startServerUnderTest(dataDir?: string): Promise<ServerUnderTest> {
  const dir = dataDir ? { path: dataDir, remove: () => {} } : makeTempDir('factdesk-server-');
  const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir: dir.path, adminPassword: ADMIN_PASSWORD };
  const server = await startServer(config);
  let stopped = false;
  let adminToken: string | null = null;

  const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(server.url + path, { ...init, headers });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${String(body.error)}`);
    return body;
  };

  const sut: ServerUnderTest = {
    url: server.url,
    dataDir: dir.path,
    async signIn(login, password) {
      const body = await call('/api/session', { method: 'POST', body: JSON.stringify({ login, password }) });
      return { token: body.token as string, user: body.user as Actor };
    },
    async addPerson(login, role, name = login[0].toUpperCase() + login.slice(1)) {
      adminToken ??= (await sut.signIn('admin', ADMIN_PASSWORD)).token;
      const password = `${login}-password-123`;
      await call('/api/users', { method: 'POST', token: adminToken, body: JSON.stringify({ login, name, role, password }) });
      return sut.signIn(login, password);
    },
    documentCount() {
      return (server.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    },
    updateCount(docId) {
      const row = server.db
        .prepare('SELECT (SELECT count(*) FROM doc_updates WHERE doc_id = ?) + (SELECT count(*) FROM doc_snapshots WHERE doc_id = ?) AS n')
        .get(docId, docId) as { n: number };
      return row.n;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
    async restart() {
      await sut.stop();
      return startServerUnderTest(dir.path);
    },
    async dispose() {
      await sut.stop();
      dir.remove();
    },
  };
  return sut;
}
