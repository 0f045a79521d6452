/**
 * Order of occurrences on the page, for keyboard navigation and "reveal". Occurrences are
 * compared as points in the page's original text (text node, offset), so an occurrence not
 * drawn yet (lazy drawing keeps most of a long page undrawn) takes its place among the drawn
 * ones. Text inside an open shadow tree comes at its host, before the host's own children,
 * the order in which the highlighter reads it.
 */

import { FOLLOWING, PRECEDING } from '../document-position';

/** A point in the page: a node and, for a text node, an offset into its original text. */
export interface TextPoint {
  node: Node;
  offset: number;
}

export type Direction = 'next' | 'previous';

/** `node` and the shadow hosts above it, outermost first: one node per tree it sits in. */
function treePath(node: Node): Node[] {
  const path = [node];
  for (let root = node.getRootNode(); root.nodeType === 11 && (root as ShadowRoot).host;) {
    const host = (root as ShadowRoot).host;
    path.unshift(host);
    root = host.getRootNode();
  }
  return path;
}

/** Negative when `a` comes before `b` in reading order, positive after, 0 for the same point. */
export function comparePoints(a: TextPoint, b: TextPoint): number {
  if (a.node === b.node) return a.offset - b.offset;
  const pathA = treePath(a.node);
  const pathB = treePath(b.node);
  for (let level = 0; ; level++) {
    const x = pathA[level];
    const y = pathB[level];
    // One point is a shadow host and the other lies inside its tree: the host comes first.
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    // Same tree here, since every level above was equal. Containment counts as order: an
    // element comes before the text inside it.
    const position = x.compareDocumentPosition(y);
    if (position & FOLLOWING) return -1;
    if (position & PRECEDING) return 1;
    return 0; // Different documents, or nodes the page has removed: no order.
  }
}

/**
 * The item after (or before) `from`, wrapping around at the ends; from the first (or last)
 * when there is no `from`. One pass, no sort: a keypress on a page with thousands of
 * occurrences stays a few milliseconds.
 */
export function adjacentItem<T>(
  items: Iterable<T>,
  pointOf: (item: T) => TextPoint,
  from: TextPoint | undefined,
  direction: Direction,
): T | undefined {
  const sign = direction === 'next' ? 1 : -1;
  let best: { item: T; point: TextPoint } | undefined;
  let wrap: { item: T; point: TextPoint } | undefined;
  for (const item of items) {
    const point = pointOf(item);
    // `ahead` > 0: the item lies in the wanted direction from `from`.
    const ahead = from ? sign * comparePoints(point, from) : 1;
    if (ahead > 0) {
      if (!best || sign * comparePoints(point, best.point) < 0) best = { item, point };
    } else if (!best && (!wrap || sign * comparePoints(point, wrap.point) < 0)) {
      // Only needed while nothing lies ahead: the first (or last) item, for wrapping around.
      wrap = { item, point };
    }
  }
  return (best ?? wrap)?.item;
}
