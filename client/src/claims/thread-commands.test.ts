import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStampedClaim, personRef, readClaim, setThreadResolved, type Actor } from '@factdesk/shared';
import { checkUpdate } from '../../../server/src/validation/index.js';
import { changeComment, commentProblem, removeComment, reply, resolveThread } from './thread-commands.js';

const ana: Actor = { id: 'u-ana', login: 'ana', name: 'Ana Annotator', role: 'annotator' };
const ben: Actor = { id: 'u-ben', login: 'ben', name: 'Ben Baker', role: 'annotator' };
const vera: Actor = { id: 'u-vera', login: 'vera', name: 'Vera Viewer', role: 'viewer' };
const ada: Actor = { id: 'u-ada', login: 'ada', name: 'Ada Admin', role: 'admin' };
const target = { version: 1, quote: { exact: 'claim', prefix: '', suffix: '' }, position: { start: 0, end: 5 } };

/** A server doc with Ana's claim, and a client copy whose updates the server's gate judges. */
function setup() {
  const server = new Y.Doc();
  const claimId = createStampedClaim(server, personRef(ana), { target, verdict: 'true', rationale: 'ok', sources: [] });
  /** Runs `command` on `user`'s copy; returns whether the server accepted the result (and applies it). */
  const as = (user: Actor, command: (doc: Y.Doc) => void): boolean => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    command(client);
    const update = Y.mergeUpdates(updates);
    const check = checkUpdate(server, update, user, new Map());
    if (check.ok) Y.applyUpdate(server, update);
    return check.ok;
  };
  return { server, claimId, as };
}

describe('thread commands', () => {
  it('post a reply the server accepts, trimmed, in the name of the person', () => {
    const { server, claimId, as } = setup();
    expect(as(ben, (doc) => reply(doc, ben, claimId, '  Which source?  '))).toBe(true);
    expect(readClaim(server, claimId)!.thread).toMatchObject([{ author: personRef(ben), text: 'Which source?' }]);
  });

  it('let the author edit their comment and mark the time of the edit', () => {
    const { server, claimId, as } = setup();
    let id = '';
    as(ben, (doc) => (id = reply(doc, ben, claimId, 'Which source?', new Date('2026-01-01T10:00:00Z'))));
    expect(as(ben, (doc) => changeComment(doc, ben, claimId, id, 'Which sources?', new Date('2026-01-01T10:05:00Z')))).toBe(true);
    expect(readClaim(server, claimId)!.thread[0]).toMatchObject({ text: 'Which sources?', createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:05:00.000Z' });
  });

  it("refuse to edit or delete someone else's comment before sending anything", () => {
    const { claimId, as } = setup();
    let id = '';
    as(ben, (doc) => (id = reply(doc, ben, claimId, 'Mine.')));
    expect(() => as(ana, (doc) => changeComment(doc, ana, claimId, id, 'Yours?'))).toThrow('only your own comments');
    expect(() => as(ana, (doc) => removeComment(doc, ana, claimId, id))).toThrow('only your own comments');
    expect(() => as(ada, (doc) => changeComment(doc, ada, claimId, id, 'Moderated'))).toThrow('only your own comments');
  });

  it('let an admin delete any comment', () => {
    const { server, claimId, as } = setup();
    let id = '';
    as(ben, (doc) => (id = reply(doc, ben, claimId, 'Off topic.')));
    expect(as(ada, (doc) => removeComment(doc, ada, claimId, id))).toBe(true);
    expect(readClaim(server, claimId)!.thread).toEqual([]);
  });

  it('ask the server to resolve and reopen a thread, writing nothing themselves', async () => {
    const { server, claimId } = setup();
    const sent: [string, string, boolean][] = [];
    const send = async (docId: string, id: string, resolved: boolean) => {
      sent.push([docId, id, resolved]);
      setThreadResolved(server, id, resolved ? { by: personRef(ben), at: '2026-01-02T09:00:00.000Z' } : null);
    };
    const writes: Uint8Array[] = [];
    server.on('update', (u: Uint8Array) => writes.push(u));
    await resolveThread({ doc: server, docId: 'doc-1' }, ben, claimId, true, send);
    expect(sent).toEqual([['doc-1', claimId, true]]);
    expect(writes).toHaveLength(1); // the stand-in server's own write
    await expect(resolveThread({ doc: server, docId: 'doc-1' }, ben, claimId, true, send)).rejects.toThrow('already resolved');
    await resolveThread({ doc: server, docId: 'doc-1' }, ana, claimId, false, send);
    expect(sent).toEqual([['doc-1', claimId, true], ['doc-1', claimId, false]]);
  });

  it('keep viewers out and refuse empty comments', async () => {
    const { claimId, as } = setup();
    expect(() => as(vera, (doc) => reply(doc, vera, claimId, 'Hi'))).toThrow('Viewers cannot comment');
    await expect(resolveThread({ doc: new Y.Doc(), docId: 'doc-1' }, vera, claimId, true, () => Promise.resolve())).rejects.toThrow('Viewers');
    expect(commentProblem('   ')).toBe('Write something first.');
    expect(commentProblem('x'.repeat(10_001))).toMatch(/too long/);
  });
});
