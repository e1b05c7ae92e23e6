import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaim, deleteClaim, updateClaim } from '@factdesk/shared';
import { decodeUpdate } from './decode-update.js';

const target = { version: 1, quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } };

/** Every update a client makes while creating, editing and deleting claims (and text). */
function sampleUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const a = createClaim(doc, { id: 'u', name: 'Ünïcødé 👩‍⚖️' }, { target, verdict: 'true', rationale: 'r', sources: [{ url: 'https://e.org', title: 't' }] });
  updateClaim(doc, a, { rationale: 'second 🚀' });
  doc.getText('t').insert(0, 'héllo 👋 wörld');
  doc.getArray('arr').insert(0, [1, 'two', { three: [3] }, new Uint8Array([4])]);
  deleteClaim(doc, a);
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

describe('reading an update without Yjs classes', () => {
  it('finds the same structs, lengths, parents and deletions as Y.decodeUpdate', () => {
    for (const update of sampleUpdates()) {
      const ours = decodeUpdate(update);
      const theirs = Y.decodeUpdate(update);
      expect(ours.structs.map((s) => [s.kind, s.id.client, s.id.clock, s.length])).toEqual(
        theirs.structs.map((s) => [s instanceof Y.Item ? 'item' : s instanceof Y.GC ? 'gc' : 'skip', s.id.client, s.id.clock, s.length]),
      );
      ours.structs.forEach((s, i) => {
        const t = theirs.structs[i];
        if (s.kind !== 'item' || !(t instanceof Y.Item)) return;
        expect(s.parentSub).toBe(t.parentSub);
        expect(JSON.stringify(s.parent)).toBe(JSON.stringify(t.parent));
        if (t.content instanceof Y.ContentAny) expect(s.content).toEqual({ kind: 'any', values: t.content.arr });
      });
      expect([...ours.deletes].map(([c, r]) => [c, r])).toEqual([...theirs.ds.clients].map(([c, r]) => [c, r.map((x) => ({ clock: x.clock, len: x.len }))]));
    }
  });

  it('reads every kind of value, and strings short and long, ASCII or not, as Yjs does', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const strings = ['', 'a', 'é', '👩‍⚖️', '\u0000\u007f'];
    // Around the length up to which ASCII strings are built from their bytes, with the odd one out at the end.
    for (const length of [62, 63, 64, 65, 200]) strings.push('x'.repeat(length), `${'x'.repeat(length - 1)}é`);
    const map = doc.getMap('m');
    strings.forEach((text, i) => map.set(`${text.slice(0, 70)}${i}`, text));
    doc.getArray('values').push([null, true, false, 0, -1, 2 ** 31, 1.5, 2 ** 53, { 'ключ': ['😀', { '': '' }] }, new Uint8Array([0, 255]), strings]);
    doc.getText('text').insert(0, strings.join('|'));
    updates.push(Y.encodeStateAsUpdate(doc));
    for (const update of updates) {
      const ours = decodeUpdate(update);
      const theirs = Y.decodeUpdate(update);
      ours.structs.forEach((s, i) => {
        const t = theirs.structs[i];
        if (s.kind !== 'item' || !(t instanceof Y.Item)) return;
        expect(s.parentSub).toBe(t.parentSub);
        if (t.content instanceof Y.ContentAny) expect(s.content).toEqual({ kind: 'any', values: t.content.arr });
        expect(s.length).toBe(t.length);
      });
    }
  });

  it('refuses a string that is not UTF-8 or runs past the end, as Yjs would', () => {
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getArray('a').push(['abc']);
    const at = update.indexOf('b'.charCodeAt(0));
    const invalid = update.slice();
    invalid[at] = 0xff;
    expect(() => Y.decodeUpdate(invalid)).toThrow();
    expect(() => decodeUpdate(invalid)).toThrow();
    expect(() => decodeUpdate(update.slice(0, at + 1))).toThrow();
  });

  it('throws on truncated input', () => {
    const update = sampleUpdates()[0];
    expect(() => decodeUpdate(update.slice(0, update.length - 3))).toThrow();
  });
});
