/**
 * The scrolling boxes a highlight sits in (a live blog's pane, a comments column), nearest
 * first, across shadow roots. The tooltip lives in the top layer, which no box clips: when a box
 * scrolls its name out of sight, the tooltip is hidden with it (and shown as it comes back), as a
 * name the window scrolls away takes its tooltip off the window. Boxes that clip without
 * scrolling (`overflow: hidden`, an ellipsis) are left out: a name the keyboard goes to there
 * keeps its tooltip, which is all the reader sees of it.
 */
const SCROLLING = /auto|scroll|overlay/;

export function scrollingBoxesAround(from: Element | undefined): Element[] {
  const boxes: Element[] = [];
  const win = from?.ownerDocument.defaultView;
  if (!from || !win) return boxes;
  for (let el: Element | null = parentOf(from); el; el = parentOf(el)) {
    if (el === el.ownerDocument.documentElement || el === el.ownerDocument.body) break;
    const style = win.getComputedStyle(el);
    if (SCROLLING.test(style.overflowX) || SCROLLING.test(style.overflowY)) boxes.push(el);
  }
  return boxes;
}

/** The element's parent, or its shadow root's host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}
