/**
 * Which top-level blocks of the article are near the viewport: on a long article only their
 * claims get badges (highlights-plugin.ts). An IntersectionObserver watches every block with a
 * margin of half a screen above and below; a block that keyboard focus enters counts as near,
 * and so does the one after it, so Tab always finds the next badge drawn.
 */
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { lastAtOrBefore } from '@factdesk/shared';

/** How far beyond the viewport a block counts as near (CSS margin, as IntersectionObserver takes it). */
const NEAR_MARGIN = '50% 0px';

const starts = new WeakMap<Node, number[]>();

/** Where each top-level block of `doc` starts. */
function blockStarts(doc: Node): number[] {
  let list = starts.get(doc);
  if (!list) {
    const found: number[] = [];
    doc.forEach((_node, offset) => found.push(offset));
    starts.set(doc, (list = found));
  }
  return list;
}

/** The index of the top-level block of `doc` that holds position `pos`. */
export function blockAt(doc: Node, pos: number): number {
  return lastAtOrBefore(blockStarts(doc), pos);
}

export interface NearViewportWatch {
  /** The view was updated: blocks whose element ProseMirror replaced are watched again. */
  update(): void;
  destroy(): void;
}

/** Calls `onNear` with the indexes of blocks of `view` as they come near the viewport or take keyboard focus. */
export function watchNearViewport(view: EditorView, onNear: (blocks: number[]) => void): NearViewportWatch {
  const win = view.dom.ownerDocument.defaultView;
  const count = view.state.doc.childCount;
  const elements: (Element | null)[] = [];
  const index = new Map<Element, number>();
  const blockElement = (i: number) => {
    const dom = view.nodeDOM(blockStarts(view.state.doc)[i]);
    return dom && dom.nodeType === 1 ? (dom as Element) : null;
  };
  const observer = win?.IntersectionObserver
    ? new win.IntersectionObserver(
        (entries) => {
          const near: number[] = [];
          for (const entry of entries) {
            const i = index.get(entry.target);
            if (entry.isIntersecting && i !== undefined) near.push(i);
          }
          if (near.length) onNear(near);
        },
        { rootMargin: NEAR_MARGIN },
      )
    : null;
  const watch = () => {
    for (let i = 0; i < count; i++) {
      const element = blockElement(i);
      if (element === elements[i]) continue;
      if (elements[i]) {
        observer?.unobserve(elements[i]!);
        index.delete(elements[i]!);
      }
      elements[i] = element;
      if (!element) continue;
      index.set(element, i);
      observer?.observe(element);
    }
  };
  watch();
  // Without an observer (an old browser) every block counts as near.
  if (!observer) onNear(Array.from({ length: count }, (_, i) => i));

  const onFocusIn = (event: FocusEvent) => {
    let node = event.target as globalThis.Node | null;
    while (node && node.parentNode !== view.dom) node = node.parentNode;
    const i = node ? index.get(node as Element) : undefined;
    if (i !== undefined) onNear(i + 1 < count ? [i, i + 1] : [i]);
  };
  view.dom.addEventListener('focusin', onFocusIn);
  return {
    update: () => {
      // The blocks' elements are the view's children in order: one pass tells whether any was replaced.
      const children = view.dom.children;
      const same = children.length === count && elements.every((element, i) => element === children[i]);
      if (!same && view.state.doc.childCount === count) watch();
    },
    destroy: () => {
      observer?.disconnect();
      view.dom.removeEventListener('focusin', onFocusIn);
    },
  };
}
