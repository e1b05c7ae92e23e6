import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE } from './rooms/index.js';
import { makeTempDir } from './testing/temp-dir.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const SEEDS = { 'bridge.txt': 'Mayor promises new bridge\nIt will open in 2027.' };

/** How a websocket upgrade ends: opened, refused with an HTTP status, or cut. */
function upgrade(url: string): Promise<'open' | number | 'cut'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve('cut'));
  });
}

describe('the assembled server', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const start = async (options: Parameters<typeof startTestServer>[0]) => {
    const t = await startTestServer(options);
    cleanups.push(() => t.close());
    return t;
  };

  it('imports the seeds once: a restart on the same data keeps one document and its log unchanged', async () => {
    const dir = makeTempDir();
    cleanups.push(() => dir.remove());
    const dataDir = join(dir.path, 'data');
    const countRows = (t: TestServer) => ({
      documents: t.server.db.prepare('SELECT count(*) FROM documents').pluck().get(),
      updates: t.server.db.prepare("SELECT count(*) FROM doc_updates WHERE doc_id = 'bridge'").pluck().get(),
    });

    const first = await startTestServer({ dataDir, seeds: SEEDS });
    const before = countRows(first);
    expect(first.logs.join('\n')).toMatch(/Imported 1 seed article: bridge/);
    await first.close();

    const second = await start({ dataDir, seeds: SEEDS });
    expect(countRows(second)).toEqual(before);
    expect(before).toEqual({ documents: 1, updates: 1 });
    expect(second.logs.join('\n')).not.toMatch(/Imported/);
  });

  it('creates the admin with a generated password, printed once with the sign-in address', async () => {
    const dir = makeTempDir();
    cleanups.push(() => dir.remove());
    const dataDir = join(dir.path, 'data');
    const first = await startTestServer({ dataDir, adminPassword: undefined });
    const message = first.logs.join('\n');
    const password = /password: (\S+)/.exec(message)?.[1];
    expect(message).toContain(`Sign in at ${first.url}`);
    expect(await first.signIn('admin', password!)).toBeTruthy();
    await first.close();

    const second = await start({ dataDir, adminPassword: undefined });
    expect(second.logs.join('\n')).not.toContain(password!);
    expect(second.logs.join('\n')).not.toMatch(/admin account/);
  });

  it('never logs a configured password or a session token', async () => {
    const t = await start({ seeds: SEEDS });
    const token = await t.adminToken();
    await t.call('/api/session', { method: 'POST', body: { login: 'admin', password: 'wrong-password' } });
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('admin-password-for-tests');
    expect(logs).not.toContain('wrong-password');
  });

  it('opens collaboration sockets on /collab/<id> for a signed-in person only, and nothing elsewhere', async () => {
    const t = await start({ seeds: SEEDS });
    const ws = t.url.replace(/^http/, 'ws');
    const token = await t.adminToken();
    expect(await upgrade(`${ws}/collab/bridge?token=${token}`)).toBe('open');
    expect(await upgrade(`${ws}/collab/bridge`)).toBe(401);
    expect(await upgrade(`${ws}/collab/bridge?token=wrong`)).toBe(401);
    expect(await upgrade(`${ws}/other?token=${token}`)).toBe('cut');
  });

  it('closes the sockets of a person whose role changes, and for good when they are deactivated', async () => {
    const t = await start({ seeds: SEEDS });
    const ann = await t.addUser('ann', 'annotator');
    const admin = await t.adminToken();
    const closeCode = (socket: WebSocket) => new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    const connect = async () => {
      const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}/collab/bridge?token=${ann.token}`);
      await new Promise((resolve) => socket.on('open', resolve));
      return socket;
    };

    const first = await connect();
    const firstClosed = closeCode(first);
    await t.call(`/api/users/${ann.id}`, { method: 'PATCH', token: admin, body: { role: 'reviewer' } });
    expect(await firstClosed).toBe(CLOSE.permissionsChanged);

    const second = await connect();
    const secondClosed = closeCode(second);
    await t.call(`/api/users/${ann.id}`, { method: 'PATCH', token: admin, body: { active: false } });
    expect(await secondClosed).toBe(CLOSE.unauthorized);
  });

  it('refuses to start with a too-short FACTDESK_ADMIN_PASSWORD, saying why', async () => {
    await expect(startTestServer({ adminPassword: 'short' })).rejects.toThrow(/FACTDESK_ADMIN_PASSWORD cannot be used/);
  });
});
