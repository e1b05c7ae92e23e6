/**
 * The real server in-process for an adversarial run, as test-server.ts starts it, with what
 * the run needs on top: the database handle (the oracle reads the stored log) and a switch to
 * turn the gate off, so a self-test can show the oracle sees forgeries land.
 */
import { loadConfig } from '../../config.js';
import { startServer, type RunningServer } from '../../app.js';
import type { Db } from '../../db/database.js';
import { makeTempDir } from '../temp-dir.js';

const ADMIN_PASSWORD = 'admin-password-for-the-fuzzer';

export interface FuzzServer {
  url: string;
  db: Db;
  /** Adds a person through the API (as the admin) and signs them in. */
  addUser(login: string, role: string): Promise<{ id: string; token: string }>;
  close(): Promise<void>;
}

async function call(url: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function startFuzzServer(options: { checkUpdates: boolean }): Promise<FuzzServer> {
  const temp = makeTempDir('factdesk-fuzz-');
  const { seedsDir, clientDir } = loadConfig({});
  let server: RunningServer;
  try {
    server = await startServer(
      { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir: temp.path, adminPassword: ADMIN_PASSWORD, seedsDir, clientDir, publicUrl: undefined, secureCookies: false, trustProxy: false },
      {
        log: () => {},
        checkUpdates: options.checkUpdates,
        // The gate is under test, not the rate limits: they would close every hostile socket at once.
        // Edit records are written within the turn, so that the oracle finds each beside the change it records.
        roomLimits: { messageBurst: 1e9, messagesPerSecond: 1e9, connectionsPerAddress: 1000, editRecordDelayMs: 0 },
      },
    );
  } catch (error) {
    temp.remove();
    throw error;
  }
  const signIn = async (login: string, password: string) => {
    const answer = await call(server.url, '/api/session', { login, password });
    if (answer.status !== 200) throw new Error(`Sign-in as ${login} failed: ${answer.status}`);
    return answer.body.token as string;
  };
  const admin = await signIn('admin', ADMIN_PASSWORD);
  return {
    url: server.url,
    db: server.db,
    async addUser(login, role) {
      const password = `${login}-password-123`;
      const answer = await call(server.url, '/api/users', { login, name: login, role, password }, admin);
      if (answer.status !== 201) throw new Error(`Adding ${login} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return { id: (answer.body.user as { id: string }).id, token: await signIn(login, password) };
    },
    async close() {
      await server.close();
      temp.remove();
    },
  };
}
