/**
 * An upgrade the rooms did not foresee (a throw anywhere on the way to accepting it) is
 * refused for that socket alone and reported; the process and the other upgrades carry on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '@factdesk/shared';
import { createSqliteUpdateLog } from '../persistence/update-log.js';
import { rawRequest, upgradeHead } from '../testing/raw-request.js';
import { openTempDatabase } from '../testing/temp-dir.js';
import { createRooms, type Rooms } from './index.js';

const ann: Actor = { id: 'u-ann', login: 'ann', name: 'Ann', role: 'annotator' };

describe('the upgrade guard', () => {
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function serve(authenticate: Parameters<typeof createRooms>[0]['authenticate']) {
    const temp = openTempDatabase();
    closers.push(temp.close);
    const log = createSqliteUpdateLog(temp.db);
    closers.push(() => log.close?.());
    const errors: string[] = [];
    const rooms: Rooms = createRooms({ log, documentExists: () => true, authenticate, onError: (m) => errors.push(m) });
    closers.push(() => rooms.close());
    const server: Server = createServer((_req, res) => res.end('ok'));
    server.on('upgrade', (req, socket, head) => rooms.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, errors };
  }

  it('refuses with a 500 the socket whose authentication throws, reports it, and serves the next', async () => {
    let calls = 0;
    const { url, errors } = await serve(() => {
      if (++calls === 1) throw new Error('the session store fell over');
      return { id: 'session-1', actor: ann };
    });
    const refused = await rawRequest(url, upgradeHead(url, '/collab/bridge'));
    expect(refused.status).toBe(500);
    expect(JSON.parse(refused.body)).toEqual({ error: expect.any(String) });
    expect(errors).toEqual([expect.stringContaining('the session store fell over')]);
    expect((await rawRequest(url, upgradeHead(url, '/collab/bridge'))).status).toBe(101);
  });

  it('refuses a malformed escape in the document id as no such document, before asking who it is', async () => {
    let asked = 0;
    const { url } = await serve(() => (asked++, { id: 'session-1', actor: ann }));
    for (const path of ['/collab/%E0%A4%A', '/collab/%', '/collab/a%2Fb', '/collab/']) {
      expect((await rawRequest(url, upgradeHead(url, path))).status, path).toBe(404);
    }
    expect(asked).toBe(0);
  });
});
