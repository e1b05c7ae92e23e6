/**
 * The editor state of one article version: the server's ProseMirror JSON, read-only, with the
 * plugins that draw claims and presence over it. The client never creates article content.
 */
import { EditorState, Plugin } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { articleSchema, trimRange, type ArticleJSON, type TextIndex } from '@factdesk/shared';

/** The article document of a stored version's JSON. */
export function articleNode(json: ArticleJSON): Node {
  return articleSchema.nodeFromJSON(json);
}

/**
 * The view is contenteditable only so that a keyboard can move a caret and select (Shift +
 * arrows): no transaction that changes the article itself ever goes through.
 */
export const readOnlyPlugin = new Plugin({ filterTransaction: (tr) => !tr.docChanged });

/** The state of an article document with the given plugins (and the read-only guard). */
export function createArticleState(doc: Node, plugins: Plugin[]): EditorState {
  return EditorState.create({ doc, plugins: [readOnlyPlugin, ...plugins] });
}

/** The selected text as a trimmed range of the canonical text; null when nothing is selected. */
export function selectedTextRange(state: EditorState, index: TextIndex): { start: number; end: number } | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const range = index.positionsToRange(from, to);
  const trimmed = trimRange(index.text, range.start, range.end);
  return trimmed.end > trimmed.start ? trimmed : null;
}
