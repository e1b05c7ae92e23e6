/**
 * The real server as people meet it — the repository's seed article and built client — on a
 * test server (test-server.ts), with what the collaboration tests ask of it: people by role,
 * a restart on the same data, and counts read straight from the database.
 */
import { loadConfig } from '../config.js';
import { ADMIN_PASSWORD, startTestServer, type TestServerOptions } from './test-server.js';
import { makeTempDir } from './temp-dir.js';
import type { Actor, Role } from '@factdesk/shared';

export { ADMIN_PASSWORD };

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
  /** Every stored row of a document's log: the snapshot (if any), then the updates. */
  storedUpdates(docId: string): Uint8Array[];
  /** Stops the server (data stays). */
  stop(): Promise<void>;
  /** Starts a new server on the same data directory. */
  restart(): Promise<ServerUnderTest>;
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>;
}

/** Starts the server on `dataDir` (a fresh temp dir by default) with the real seeds and client. */
export async function startServerUnderTest(
  dataDir?: string,
  options: Pick<TestServerOptions, 'roomLimits'> = {},
): Promise<ServerUnderTest> {
  const dir = dataDir ? { path: dataDir, remove: () => {} } : makeTempDir('factdesk-data-');
  const { seedsDir, clientDir } = loadConfig({});
  const t = await startTestServer({ dataDir: dir.path, config: { seedsDir, clientDir }, roomLimits: options.roomLimits });
  let stopped = false;

  const signIn = async (login: string, password: string) => {
    const answer = await t.call('/api/session', { method: 'POST', body: { login, password } });
    if (answer.status !== 200) throw new Error(`Sign-in as ${login} failed: ${answer.status}`);
    return { token: answer.body.token as string, user: answer.body.user as Actor };
  };

  const sut: ServerUnderTest = {
    url: t.url,
    dataDir: dir.path,
    signIn,
    async addPerson(login, role, name = login[0].toUpperCase() + login.slice(1)) {
      const password = `${login}-password-123`;
      const answer = await t.call('/api/users', { method: 'POST', token: await t.adminToken(), body: { login, name, role, password } });
      if (answer.status !== 201) throw new Error(`Adding ${login} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return signIn(login, password);
    },
    documentCount() {
      return (t.server.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    },
    updateCount(docId) {
      const row = t.server.db
        .prepare('SELECT (SELECT count(*) FROM doc_updates WHERE doc_id = ?) + (SELECT count(*) FROM doc_snapshots WHERE doc_id = ?) AS n')
        .get(docId, docId) as { n: number };
      return row.n;
    },
    storedUpdates(docId) {
      const db = t.server.db;
      const snapshot = db.prepare('SELECT data FROM doc_snapshots WHERE doc_id = ?').pluck().all(docId) as Buffer[];
      const updates = db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').pluck().all(docId) as Buffer[];
      return [...snapshot, ...updates].map((b) => new Uint8Array(b));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await t.close();
    },
    async restart() {
      await sut.stop();
      return startServerUnderTest(dir.path, options);
    },
    async dispose() {
      await sut.stop();
      dir.remove();
    },
  };
  return sut;
}
