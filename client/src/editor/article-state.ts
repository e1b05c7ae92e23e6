/**
 * The editor state of one article version: the server's ProseMirror JSON, read-only, with the
 * plugins that draw claims and presence over it. The client never creates article content.
 */
import { EditorState, type Plugin } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { articleSchema, trimRange, type ArticleJSON, type TextIndex } from '@factdesk/shared';

/** The article document of a stored version's JSON. */
export function articleNode(json: ArticleJSON): Node {
  return articleSchema.nodeFromJSON(json);
}

/** The state of an article document with the given plugins. */
export function createArticleState(doc: Node, plugins: Plugin[]): EditorState {
  return EditorState.create({ doc, plugins });
}

/** The selected text as a trimmed range of the canonical text; null when nothing is selected. */
export function selectedTextRange(state: EditorState, index: TextIndex): { start: number; end: number } | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const range = index.positionsToRange(from, to);
  const trimmed = trimRange(index.text, range.start, range.end);
  return trimmed.end > trimmed.start ? trimmed : null;
}
