/**
 * The scrolling boxes a highlight sits in (a live blog's pane, a comments column), nearest
 * first, across shadow roots. The tooltip lives in the top layer, which no box clips: when a box
 * scrolls its name out of sight, the tooltip is hidden with it (and shown as it comes back), as a
 * name the window scrolls away takes its tooltip off the window. Boxes that clip without
 * scrolling (`overflow: hidden`, an ellipsis) are left out: a name the keyboard goes to there
 * keeps its tooltip, which is all the reader sees of it.
 */
import { getOverflowAncestors } from '@floating-ui/dom';

const SCROLLING = /auto|scroll|overlay/;

export function scrollingBoxesAround(from: Element | undefined): Element[] {
  const win = from?.ownerDocument.defaultView;
  if (!from || !win) return [];
  const { body, documentElement } = from.ownerDocument;
  // Floating UI's own walk (the one `autoUpdate` listens along), this document's only; the
  // window and the page's root are the window's edges, which `shift` keeps the tooltip inside.
  return getOverflowAncestors(from, [], false).filter((box): box is Element => {
    if (!('nodeType' in box) || box === body || box === documentElement) return false;
    const style = win.getComputedStyle(box);
    return SCROLLING.test(style.overflowX) || SCROLLING.test(style.overflowY);
  });
}
