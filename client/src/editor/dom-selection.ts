/**
 * The page's selection, taken into the view's state now. ProseMirror reads the selection on
 * `selectionchange`, which the browser queues behind the key press that moved it — and runs
 * input first when it is busy. A shortcut pressed right after Shift + arrow would otherwise act
 * on the selection one key behind (a quote short of its last character).
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

export function takeDOMSelection(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    head = view.posAtDOM(focusNode, selection.focusOffset);
  } catch {
    return; // Inside something that is not the article's text (a badge): leave it to ProseMirror.
  }
  const current = view.state.selection;
  if (current.anchor === anchor && current.head === head) return;
  const { doc } = view.state;
  view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))));
}
