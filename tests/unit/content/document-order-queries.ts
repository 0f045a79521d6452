/**
 * `querySelectorAll` in document order, as the DOM standard and every browser give it.
 *
 * jsdom 29.1.1 runs selectors with @asamuzakjp/dom-selector 7.1.1. Called on an element with a
 * selector list, that version returns the matches grouped by branch ("input, button" gives
 * every input before every button; asamuzaK/domSelector#266, fixed in a later major that
 * jsdom 29.1.1 does not take). The name-free check relies on document order: tests that
 * exercise it install this for their duration.
 */
const BY_DOCUMENT_ORDER = (a: Node, b: Node) =>
  a === b ? 0 : a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1;

/** Sorts every `querySelectorAll` result of elements, documents and fragments; returns the undo. */
export function queriesInDocumentOrder(win: Window & typeof globalThis): () => void {
  const owners = [win.Element.prototype, win.Document.prototype, win.DocumentFragment.prototype];
  const originals = owners.map((owner) => owner.querySelectorAll);
  for (const [i, owner] of owners.entries()) {
    const original = originals[i]!;
    owner.querySelectorAll = function (this: ParentNode, selectors: string) {
      return [...original.call(this, selectors)].sort(BY_DOCUMENT_ORDER) as unknown as NodeListOf<Element>;
    } as typeof original;
  }
  return () => owners.forEach((owner, i) => (owner.querySelectorAll = originals[i]!));
}
