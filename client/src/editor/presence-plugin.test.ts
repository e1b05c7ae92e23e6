import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Peer } from '../collab/presence.js';
import { rangeOf, seedDoc, seedIndex } from '../test/seed-article.js';
import { presenceKey, presencePlugin, remoteSelections, setRemoteSelections } from './presence-plugin.js';

function peer(clientId: number, name: string, selection: Peer['selection'], isLocal = false): Peer {
  return { clientId, isLocal, user: { id: `u${clientId}`, name, color: '#0969da' }, selection, editing: null };
}

describe('presence plugin', () => {
  it('places the selections of the others, not our own, on their text', () => {
    const range = rangeOf('Riyadh, Saudi Arabia');
    const selections = remoteSelections([peer(1, 'Me', range, true), peer(2, 'Rita', range), peer(3, 'Idle', null)], seedIndex);
    expect(selections.map((s) => [s.name, seedDoc.textBetween(s.from, s.to)])).toEqual([['Rita', 'Riyadh, Saudi Arabia']]);
  });

  it('ignores a selection beyond the end of the text (another version)', () => {
    expect(remoteSelections([peer(2, 'Rita', { start: 1, end: seedIndex.text.length + 5 })], seedIndex)).toEqual([]);
  });

  it('draws each remote selection in its colour with the name at its start', () => {
    const [selection] = remoteSelections([peer(2, 'Rita', rangeOf('Riyadh, Saudi Arabia'))], seedIndex);
    let state = EditorState.create({ doc: seedDoc, plugins: [presencePlugin()] });
    state = state.apply(setRemoteSelections(state.tr, [selection]));
    const decos = presenceKey.getState(state)!.find();
    expect(decos.map((d) => [d.from, d.to])).toEqual(expect.arrayContaining([[selection.from, selection.to], [selection.from, selection.from]]));
    state = state.apply(setRemoteSelections(state.tr, []));
    expect(presenceKey.getState(state)!.find()).toEqual([]);
  });
});
