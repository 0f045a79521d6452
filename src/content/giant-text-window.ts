/**
 * Painting giant text only where the reader is. Painted highlights (the highlight engine)
 * cost the browser work for every registered range on every frame they change: measured in
 * Chromium, one 5 MB text node with 2,848 painted names took a 160 ms pre-paint task, one
 * with 50,000 names 1.5 s per frame. Element nearness (IntersectionObserver) cannot help: the
 * whole text is in one element, always "near". So for a block with very many pieces (one
 * giant text node, or the nodes or spans a page appending a log line by line makes) only
 * those within a screen of the viewport are painted, and the window follows the reader's
 * scrolling (one update per animation frame at most).
 *
 * Which pieces are near is found by `windowAround` (piece-window.ts), from positions measured
 * against the nearest block around the text and kept until that block changes size.
 */
import { BLOCK_TAGS } from './dom-rules';
import type { HighlightEngine, Piece } from './engine';
import { KnownExtents, windowAround, type MayRead } from './piece-window';

/** Blocks (see drawing.ts) with more pieces than this are painted through a window. */
export const WINDOWED_PIECES = 300;

/**
 * Reading positions stops after this long in one task and goes on in the next (one read in a
 * giant node can take a few ms, and a window is often found while a drawing slice runs).
 */
const READ_BUDGET_MS = 8;

/** Kept positions per node beyond which they are all forgotten (a long read through a huge log). */
const MAX_KEPT = 4_096;

export interface GiantTextWindows {
  /**
   * Paints `pieces` through a window that follows the viewport: the pieces of one block, in
   * one text node or many, in document order (at least one).
   */
  add(pieces: readonly Piece[]): void;
  /** Stops following the block `node` is in (its highlights are removed by the caller through the engine). */
  drop(node: Text): void;
  /** Stops following every node and listening to the page. */
  clear(): void;
}

interface Followed {
  pieces: readonly Piece[];
  /** The text nodes the pieces are in. */
  nodes: Text[];
  /** The painted index range, [from, to). */
  from: number;
  to: number;
  /** Positions of the pieces, measured from the top of `block`. */
  extents: KnownExtents;
  block: Element;
  /** The block's top on screen during this update, and its size when `extents` were read. */
  blockTop: number;
  width: number;
  height: number;
}

/**
 * The box the positions are measured from: the nearest block around the text, which moves
 * with it however the page or a box inside it scrolls. (An inline parent's box would be
 * made of all its line boxes, as costly to ask for as the text's.) Text right inside a
 * shadow root is measured from the root's host.
 */
function blockAround(node: Text): Element | null {
  for (let el = node.parentElement; el !== null; el = el.parentElement) if (BLOCK_TAGS.has(el.localName)) return el;
  const parent = node.parentNode;
  if (parent?.nodeType === 11 && 'host' in parent) return (parent as ShadowRoot).host;
  return node.parentElement;
}

/** Follows blocks of giant text for `engine`, writing through `ownWrites`. */
export function createGiantTextWindows(
  doc: Document,
  engine: HighlightEngine,
  ownWrites: <T>(write: () => T) => T,
): GiantTextWindows {
  const win = doc.defaultView!;
  const followed = new Set<Followed>();
  const byNode = new Map<Text, Followed>();
  let listening: AbortController | undefined;
  let frame = 0;
  /** A task that goes on with positions a budget left unread. */
  let unfinished: number | undefined;
  const range = doc.createRange();
  // Documents without layout (jsdom) have no geometry: everything counts as on screen.
  const hasGeometry = typeof range.getBoundingClientRect === 'function';

  function readExtent(item: Followed, piece: Piece) {
    if (!hasGeometry) return { top: 0, bottom: 0 };
    range.setStart(piece.node, piece.start);
    range.setEnd(piece.node, piece.end);
    const rect = range.getBoundingClientRect();
    return { top: rect.top - item.blockTop, bottom: rect.bottom - item.blockTop };
  }

  /** Paints `item`'s window if it moved. False if the budget ran out before it was found. */
  function update(item: Followed, mayRead: MayRead): boolean {
    if (!item.nodes[0]!.isConnected) return true;
    const box = hasGeometry ? item.block.getBoundingClientRect() : { top: 0, width: 0, height: 0 };
    // Laid out anew (narrower, wider, other fonts, text added): the kept positions are stale.
    // A block without a box of its own (`display: contents`) does not move with the text.
    const boxless = box.width === 0 && box.height === 0;
    if (boxless || box.width !== item.width || box.height !== item.height || item.extents.size > MAX_KEPT) {
      item.extents.forget();
      item.width = box.width;
      item.height = box.height;
    }
    item.blockTop = box.top;
    // One screen above and below, as elements are drawn (viewport.ts NEAR_MARGIN).
    const height = win.innerHeight;
    const found = windowAround(item.extents, -height - box.top, 2 * height - box.top, mayRead);
    if (found === undefined) return false;
    const [from, to] = found;
    if (from === item.from && to === item.to) return true;
    item.from = from;
    item.to = to;
    ownWrites(() => {
      engine.remove(item.nodes);
      engine.apply(item.pieces.slice(from, to));
    });
    return true;
  }

  function updateAll(): void {
    // Run now (a node was added) or from the queue: either way nothing stays queued.
    cancelUpdate();
    const started = win.performance.now();
    let reads = 0;
    // At least one read per task, so every task gets further.
    const mayRead = () => reads++ === 0 || win.performance.now() - started < READ_BUDGET_MS;
    let done = true;
    for (const item of followed) done = update(item, mayRead) && done;
    if (!done) unfinished = win.setTimeout(updateAll, 0);
  }

  function scheduleUpdate(): void {
    if (frame === 0 && unfinished === undefined) frame = win.requestAnimationFrame(updateAll);
  }

  function listen(): void {
    if (listening) return;
    listening = new AbortController();
    const options = { capture: true, passive: true, signal: listening.signal };
    // Capture on the document: scrolling any scroller (the node may sit in one) reaches it.
    doc.addEventListener('scroll', scheduleUpdate, options);
    win.addEventListener('resize', scheduleUpdate, options);
  }

  /** Drops a queued update, whether it waits for a frame or for the next task. */
  function cancelUpdate(): void {
    if (frame !== 0) win.cancelAnimationFrame(frame);
    if (unfinished !== undefined) win.clearTimeout(unfinished);
    frame = 0;
    unfinished = undefined;
  }

  function stopIfIdle(): void {
    if (followed.size > 0) return;
    listening?.abort();
    listening = undefined;
    cancelUpdate();
  }

  return {
    add(pieces) {
      const block = blockAround(pieces[0]!.node);
      if (block === null) return;
      const item: Followed = {
        pieces,
        nodes: [...new Set(pieces.map((piece) => piece.node))],
        from: 0,
        to: 0,
        extents: new KnownExtents(pieces.length, (i) => readExtent(item, pieces[i]!)),
        block,
        blockTop: 0,
        width: -1,
        height: -1,
      };
      followed.add(item);
      for (const node of item.nodes) byNode.set(node, item);
      listen();
      updateAll();
    },
    drop(node) {
      const item = byNode.get(node);
      if (!item) return;
      followed.delete(item);
      for (const each of item.nodes) byNode.delete(each);
      stopIfIdle();
    },
    clear() {
      followed.clear();
      byNode.clear();
      stopIfIdle();
    },
  };
}
