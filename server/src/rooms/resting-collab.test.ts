/**
 * Rooms that rest between writes (see resting-state.ts), on real parts: the server with a
 * rest after 100 ms, real y-websocket clients, a real SQLite file. Nothing is lost or held
 * back across rests: live delivery, an offline edit sent to a resting room, a late joiner,
 * a restart.
 */
import { afterEach, expect, it } from 'vitest';
import { createClaim, listClaims, type Actor } from '@factdesk/shared';
import { startServerUnderTest, type ServerUnderTest } from '../testing/server-under-test.js';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';

const DOC = 'us-russia-un-resolution';
const target = { version: 1, quote: { exact: 'surprising turn', prefix: '', suffix: '' }, position: { start: 10, end: 25 } };
const open: CollabClient[] = [];
let server: ServerUnderTest | undefined;

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  await server?.dispose();
  server = undefined;
});

function connect(url: string, token: string): CollabClient {
  const client = connectCollab(url, DOC, token);
  open.push(client);
  return client;
}

const ref = (a: Actor) => ({ id: a.id, name: a.name });
const rationales = (c: CollabClient) => listClaims(c.doc).map((claim) => claim.rationale).sort();
/** Long enough for a room with no write to rest (100 ms, or 200 times its load time). */
const rest = () => new Promise((r) => setTimeout(r, 1_000));

it('keeps every change across rests: live, offline, late joiners and a restart', async () => {
  server = await startServerUnderTest(undefined, { roomLimits: { restAfterMs: 100 } });
  const anna = await server.addPerson('anna', 'annotator');
  const otto = await server.addPerson('otto', 'annotator');
  const first = connect(server.url, anna.token);
  const second = connect(server.url, otto.token);
  await Promise.all([first.synced(), second.synced()]);

  createClaim(first.doc, ref(anna.user), { target, verdict: 'true', rationale: 'before a rest', sources: [] });
  await second.until(() => rationales(second).includes('before a rest'));
  await rest();

  second.provider.disconnect();
  createClaim(second.doc, ref(otto.user), { target, verdict: 'false', rationale: 'offline, sent to a resting room', sources: [] });
  await rest();
  second.provider.connect();
  await first.until(() => rationales(first).includes('offline, sent to a resting room'));

  await rest();
  const late = connect(server.url, anna.token);
  await late.until(() => listClaims(late.doc).length === 2);
  createClaim(late.doc, ref(anna.user), { target, verdict: 'mixed', rationale: 'after a rest', sources: [] });
  await Promise.all([first, second].map((c) => c.until(() => rationales(c).includes('after a rest'))));

  await rest();
  for (const c of open.splice(0)) c.destroy();
  server = await server.restart();
  const reader = connect(server.url, otto.token);
  await reader.until(() => listClaims(reader.doc).length === 3);
  expect(rationales(reader)).toEqual(['after a rest', 'before a rest', 'offline, sent to a resting room']);
});
