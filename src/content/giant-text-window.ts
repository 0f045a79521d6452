/**
 * Painting a giant text node only where the reader is. Painted highlights (the highlight
 * engine) cost the browser work for every registered range on every frame they change:
 * measured in Chromium, one 5 MB text node with 2,848 painted names took a 160 ms pre-paint
 * task, one with 50,000 names 1.5 s per frame. Element nearness (IntersectionObserver) cannot
 * help: the whole node is one element, always "near". So for a text node with very many
 * pieces only those within a screen of the viewport are painted, and the window follows the
 * reader's scrolling (one update per animation frame at most).
 *
 * `windowAround` is the pure part: which pieces, given where each one is on screen.
 */
import type { HighlightEngine, Piece } from './engine';

/** Text nodes with more pieces than this are painted through a window. */
export const WINDOWED_PIECES = 300;

/** Vertical extent of a piece on screen (viewport coordinates, like getBoundingClientRect). */
export interface Extent {
  top: number;
  bottom: number;
}

/**
 * The pieces (sorted by offset, so by position in the flow of text) that lie within
 * [top, bottom], as a half-open index range [from, to). Binary search: about 2 log n
 * positions are asked for, not n.
 */
export function windowAround(
  count: number,
  extentOf: (index: number) => Extent,
  top: number,
  bottom: number,
): [number, number] {
  // First piece whose bottom reaches the window.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (extentOf(mid).bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const from = lo;
  // First piece from there whose top is past the window.
  hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (extentOf(mid).top <= bottom) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}

export interface GiantTextWindows {
  /** Paints `pieces` (all of one text node, sorted) through a window that follows the viewport. */
  add(node: Text, pieces: readonly Piece[]): void;
  /** Stops following `node` (its highlights are removed by the caller through the engine). */
  drop(node: Text): void;
  /** Stops following every node and listening to the page. */
  clear(): void;
}

interface Followed {
  pieces: readonly Piece[];
  /** The painted index range, [from, to). */
  from: number;
  to: number;
}

/** Follows giant text nodes for `engine`, writing through `ownWrites`. */
export function createGiantTextWindows(
  doc: Document,
  engine: HighlightEngine,
  ownWrites: <T>(write: () => T) => T,
): GiantTextWindows {
  const win = doc.defaultView!;
  const followed = new Map<Text, Followed>();
  let listening: AbortController | undefined;
  let frame = 0;
  const range = doc.createRange();

  function extentOf(node: Text, piece: Piece): Extent {
    range.setStart(node, piece.start);
    range.setEnd(node, piece.end);
    // Documents without layout (jsdom) have no geometry: everything counts as on screen.
    if (typeof range.getBoundingClientRect !== 'function') return { top: 0, bottom: 0 };
    const rect = range.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom };
  }

  function update(node: Text, item: Followed): void {
    if (!node.isConnected) return;
    // One screen above and below, as elements are drawn (viewport.ts NEAR_MARGIN).
    const height = win.innerHeight;
    const [from, to] = windowAround(item.pieces.length, (i) => extentOf(node, item.pieces[i]!), -height, 2 * height);
    if (from === item.from && to === item.to) return;
    item.from = from;
    item.to = to;
    ownWrites(() => {
      engine.remove([node]);
      engine.apply(item.pieces.slice(from, to));
    });
  }

  function updateAll(): void {
    frame = 0;
    for (const [node, item] of followed) update(node, item);
  }

  function scheduleUpdate(): void {
    if (frame === 0) frame = win.requestAnimationFrame(updateAll);
  }

  function listen(): void {
    if (listening) return;
    listening = new AbortController();
    const options = { capture: true, passive: true, signal: listening.signal };
    // Capture on the document: scrolling any scroller (the node may sit in one) reaches it.
    doc.addEventListener('scroll', scheduleUpdate, options);
    win.addEventListener('resize', scheduleUpdate, options);
  }

  function stopIfIdle(): void {
    if (followed.size > 0) return;
    listening?.abort();
    listening = undefined;
    if (frame !== 0) win.cancelAnimationFrame(frame);
    frame = 0;
  }

  return {
    add(node, pieces) {
      const item: Followed = { pieces, from: 0, to: 0 };
      followed.set(node, item);
      listen();
      update(node, item);
    },
    drop(node) {
      followed.delete(node);
      stopIfIdle();
    },
    clear() {
      followed.clear();
      stopIfIdle();
    },
  };
}
