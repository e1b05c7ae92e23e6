import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transactionChangedDoc } from './transactions.js';

/** Applies `update` to `doc` and says what transactionChangedDoc said of its transaction. */
function changed(doc: Y.Doc, update: Uint8Array): boolean {
  let seen: boolean | null = null;
  const listener = (transaction: Y.Transaction) => (seen = transactionChangedDoc(transaction));
  doc.on('afterTransaction', listener);
  Y.applyUpdate(doc, update);
  doc.off('afterTransaction', listener);
  return seen!;
}

describe('transactionChangedDoc', () => {
  it('is true for an update that adds or deletes, false for one that repeats what the doc has', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getMap('m').set('a', 'first');
    source.getMap('m').delete('a');
    const doc = new Y.Doc();
    expect(changed(doc, updates[0])).toBe(true);
    expect(changed(doc, updates[1])).toBe(true);
    expect(changed(doc, updates[0])).toBe(false);
    expect(changed(doc, Y.encodeStateAsUpdate(source))).toBe(false);
  });
});
