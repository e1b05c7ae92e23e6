/**
 * BeforeView.deletedNow, both ways it looks: through a few deleted ranges as they are, and
 * through many (more than a live edit makes) sorted once and searched.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BeforeView } from './before-view.js';

describe.each([6, 60])('what a transaction deleted, among %i entries deleted in it', (count) => {
  it('tells the entries this transaction deleted from those deleted before it and those kept', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<number>('m');
    // One entry per transaction, so that each deletion below is a range of its own.
    for (let i = 0; i < 3 * count; i++) map.set(`k${i}`, i);
    const item = (key: string) => map._map.get(key)!;
    doc.transact(() => map.delete('k0')); // deleted before
    const seen: Record<string, [boolean, boolean]> = {};
    doc.transact((transaction) => {
      // Every other entry after the first, backwards: the ranges are not in clock order.
      for (let i = 2 * count - 1; i >= 1; i -= 2) map.delete(`k${i}`);
      expect(transaction.deleteSet.clients.get(doc.clientID)).toHaveLength(count);
      const view = new BeforeView(transaction);
      for (const key of ['k0', 'k1', 'k2', `k${2 * count - 1}`, `k${2 * count}`, `k${3 * count - 1}`]) {
        seen[key] = [view.deletedNow(item(key)), view.deletedBefore(item(key))];
      }
    });
    expect(seen).toEqual({
      k0: [false, true],
      k1: [true, false],
      k2: [false, false],
      [`k${2 * count - 1}`]: [true, false],
      [`k${2 * count}`]: [false, false],
      [`k${3 * count - 1}`]: [false, false],
    });
  });
});
