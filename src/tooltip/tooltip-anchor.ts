/**
 * What a tooltip is shown for: a mark element (DOM engine), or a painted highlight's text
 * range (highlight engine, found by hit-testing or by keyboard navigation). The tooltip's
 * logic only compares keys and asks whether the anchor is still there.
 */
import type { VirtualElement } from '@floating-ui/dom';

export interface TooltipAnchor {
  /** The same object for the same highlight: moving over it again opens nothing new. */
  key: object;
  /** Entry id. */
  id: string;
  /** What the tooltip is positioned against. */
  reference: Element | VirtualElement;
  /** The mark, when there is one: it is described by the tooltip while it shows. */
  element?: HTMLElement;
  /** False once the highlight is gone (removed, switched off, its text re-read). */
  alive(): boolean;
}

/** A painted highlight, as keyboard navigation or hit-testing found it. */
export interface RangeTarget {
  id: string;
  range: Range;
  /** The hit's identity (the same for every hit on one highlight); the range otherwise. */
  key?: object;
  alive?(): boolean;
}

/** The anchor of a mark element. */
export function markAnchor(mark: HTMLElement): TooltipAnchor {
  return {
    key: mark,
    id: mark.dataset.glossaryId ?? '',
    reference: mark,
    element: mark,
    alive: () => mark.isConnected,
  };
}

/**
 * Describes the anchor's mark by the tooltip (`aria-describedby`, after any ids it had);
 * returns the function that puts the mark's own value back. Painted highlights have no
 * element to describe.
 */
export function describeBy(anchor: TooltipAnchor, id: string): () => void {
  const mark = anchor.element;
  if (!mark) return () => {};
  const previous = mark.getAttribute('aria-describedby');
  mark.setAttribute('aria-describedby', previous ? `${previous} ${id}` : id);
  return () => {
    if (previous === null) mark.removeAttribute('aria-describedby');
    else mark.setAttribute('aria-describedby', previous);
  };
}

/** The element a range's text sits in (its shadow host's tree included), for scroll tracking. */
export function rangeContext(range: Range): Element | undefined {
  const node = range.startContainer;
  return node.nodeType === 1 ? (node as Element) : (node.parentElement ?? undefined);
}

/** The anchor of a painted highlight: Floating UI positions against the range's boxes. */
export function rangeAnchor(target: RangeTarget): TooltipAnchor {
  const { range } = target;
  return {
    key: target.key ?? range,
    id: target.id,
    reference: {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: rangeContext(range),
    },
    alive: () => range.startContainer.isConnected && !range.collapsed && (target.alive?.() ?? true),
  };
}
