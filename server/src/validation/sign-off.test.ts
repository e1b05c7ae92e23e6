import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaim, readClaim, setClaimStatus, updateClaim, type Actor } from '@factdesk/shared';
import { reopenChangedSignOffs } from './index.js';
import { checkWithBothGates } from '../testing/both-gates.js';

const author: Actor = { id: 'u-ann', login: 'anna', name: 'Anna', role: 'annotator' };
const reviewer: Actor = { id: 'u-rev', login: 'rita', name: 'Rita', role: 'reviewer' };
const target = { version: 1, quote: { exact: 'claim', prefix: '', suffix: '' }, position: { start: 0, end: 5 } };

function approvedClaim() {
  const doc = new Y.Doc();
  const id = createClaim(doc, author, { target, verdict: 'true', rationale: 'ok', sources: [] });
  setClaimStatus(doc, id, 'in-review', author, { action: 'submitted' });
  setClaimStatus(doc, id, 'approved', reviewer, { action: 'approved' }, { decision: 'approved', reviewer, at: new Date().toISOString(), comment: '' });
  return { doc, id };
}

function applyFromClient(doc: Y.Doc, actor: Actor, change: (client: Y.Doc) => void) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  change(client);
  const update = Y.mergeUpdates(updates);
  const check = checkWithBothGates(doc, update, actor, new Map());
  if (!check.ok) throw new Error(check.reason);
  Y.applyUpdate(doc, update);
  return reopenChangedSignOffs(doc, check.writes, check.followUp ?? new Map());
}

describe('a sign-off covers only what was reviewed', () => {
  it('moves an approved claim back to review when its rationale changes, and records why', () => {
    const { doc, id } = approvedClaim();
    const reopened = applyFromClient(doc, author, (client) => updateClaim(client, id, { rationale: 'changed after sign-off' }));
    const claim = readClaim(doc, id)!;
    expect(reopened).toEqual([id]);
    expect(claim.status).toBe('in-review');
    expect(claim.history.at(-1)).toMatchObject({ action: 'reopened', fields: ['rationale'], by: { id: 'factdesk' } });
  });

  it('leaves an approved claim signed off when only a comment is added', () => {
    const { doc, id } = approvedClaim();
    const reopened = applyFromClient(doc, reviewer, (client) => {
      const thread = client.getMap<Y.Map<unknown>>('annotations').get(id)!.get('thread') as Y.Map<unknown>;
      const at = new Date().toISOString();
      thread.set('c1', { id: 'c1', author: { id: reviewer.id, name: reviewer.name }, createdAt: at, updatedAt: at, text: 'Nice.' });
    });
    expect(reopened).toEqual([]);
    expect(readClaim(doc, id)!.status).toBe('approved');
  });
});
