/**
 * Where the others are reading: each remote person's selection drawn in their colour, with
 * their name at its start. Selections arrive as canonical text offsets (awareness) and are
 * turned into positions with the article's text index before being pushed in with
 * `setRemoteSelections`.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { TextIndex } from '@factdesk/shared';
import type { Peer } from '../collab/presence.js';

/** Someone else's selection, in positions. */
export interface RemoteSelection {
  clientId: number;
  name: string;
  color: string;
  from: number;
  to: number;
}

export const presenceKey = new PluginKey<DecorationSet>('presence');

/** The remote selections of `peers` (the local person left out) placed in the indexed article. */
export function remoteSelections(peers: readonly Peer[], index: TextIndex): RemoteSelection[] {
  const selections: RemoteSelection[] = [];
  for (const peer of peers) {
    if (peer.isLocal || !peer.selection) continue;
    const { start, end } = peer.selection;
    if (end > index.text.length) continue;
    const { from, to } = index.rangeToPositions(start, end);
    if (to > from) selections.push({ clientId: peer.clientId, name: peer.user.name, color: peer.user.color, from, to });
  }
  return selections;
}

/** Attaches the current remote selections to a transaction. */
export function setRemoteSelections(tr: Transaction, selections: readonly RemoteSelection[]): Transaction {
  return tr.setMeta(presenceKey, selections);
}

function nameLabel(selection: RemoteSelection): (view: EditorView) => HTMLElement {
  return (view) => {
    const label = view.dom.ownerDocument.createElement('span');
    label.className = 'presence-label';
    // The presence list names everyone present; in the running text the label is only visual.
    label.setAttribute('aria-hidden', 'true');
    label.style.backgroundColor = selection.color;
    label.textContent = selection.name;
    return label;
  };
}

/** The decorations of remote selections on `doc`. */
export function buildPresenceDecorations(doc: Node, selections: readonly RemoteSelection[]): DecorationSet {
  const size = doc.content.size;
  const decorations: Decoration[] = [];
  for (const s of selections) {
    if (s.from < 0 || s.to > size || s.to <= s.from) continue;
    decorations.push(
      Decoration.inline(s.from, s.to, {
        class: 'presence-selection',
        style: `background-color: color-mix(in srgb, ${s.color} 18%, transparent); box-shadow: inset 0 -2px 0 ${s.color};`,
        'data-peer': String(s.clientId),
      }),
      Decoration.widget(s.from, nameLabel(s), {
        side: -2,
        key: `peer:${s.clientId}:${s.name}:${s.color}`,
        ignoreSelection: true,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** The presence plugin. */
export function presencePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: presenceKey,
    state: {
      init: (_config, state: EditorState) => DecorationSet.create(state.doc, []),
      apply(tr, set) {
        const selections = tr.getMeta(presenceKey) as RemoteSelection[] | undefined;
        if (selections) return buildPresenceDecorations(tr.doc, selections);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: {
      decorations: (state) => presenceKey.getState(state),
    },
  });
}
