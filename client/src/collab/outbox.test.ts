import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaim, updateClaim, type PersonRef } from '@factdesk/shared';
import type { Outbox } from './local-copy.js';
import { outboxTracker } from './outbox.js';

const anna: PersonRef = { id: 'u-anna', name: 'Anna' };
const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
const claim = (doc: Y.Doc, rationale = '') => createClaim(doc, anna, { target, verdict: 'true', rationale, sources: [] });

function tracked(sending = false) {
  const doc = new Y.Doc();
  const saved: Outbox[] = [];
  const outbox = outboxTracker((o) => saved.push(o));
  let live = sending;
  outbox.watch(doc, () => live);
  return { doc, outbox, saved, goLive: (value: boolean) => (live = value) };
}

describe('the outbox', () => {
  it('counts each local change made while not connected and synced, and the claims it touched', () => {
    const { doc, outbox, saved } = tracked();
    const first = claim(doc);
    updateClaim(doc, first, { rationale: 'second thoughts' });
    const second = claim(doc);
    expect(outbox.current.count).toBe(3);
    expect(outbox.current.claimIds.sort()).toEqual([first, second].sort());
    expect(saved.at(-1)).toEqual(outbox.current);
  });

  it('does not count changes made while connected and synced: they go out at once', () => {
    const { doc, outbox, goLive } = tracked(true);
    const id = claim(doc);
    expect(outbox.current).toEqual({ count: 0, claimIds: [id] });
    goLive(false);
    claim(doc);
    expect(outbox.current.count).toBe(1);
  });

  it('ignores changes that arrive from elsewhere (the server, the offline copy)', () => {
    const { doc, outbox } = tracked();
    const elsewhere = new Y.Doc();
    claim(elsewhere);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere), 'server');
    expect(outbox.current).toEqual({ count: 0, claimIds: [] });
  });

  it('forgets the count once sent, keeps the claims, and adds what a reload restored', () => {
    const { doc, outbox } = tracked();
    const id = claim(doc);
    outbox.markSent();
    expect(outbox.current).toEqual({ count: 0, claimIds: [id] });
    outbox.restore({ count: 2, claimIds: ['c-old', id] });
    expect(outbox.current.count).toBe(2);
    expect(outbox.current.claimIds.sort()).toEqual(['c-old', id].sort());
  });

  it('counts only the latest watched doc', () => {
    const { doc, outbox } = tracked();
    outbox.clear();
    outbox.watch(new Y.Doc(), () => false);
    claim(doc);
    expect(outbox.current.count).toBe(0);
  });
});
