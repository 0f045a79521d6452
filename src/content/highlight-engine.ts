/**
 * The second engine: paints pieces with the CSS Custom Highlight API (`CSS.highlights`)
 * instead of wrapping them in elements. It never changes the page's DOM, so the page keeps
 * its layout (no relayout after thousands of marks on table-heavy pages) and switching off
 * is exact by construction: the registry entries are deleted and nothing else was touched.
 *
 * One `Highlight` per category, registered as `columnlens-<category>` and styled by
 * `::highlight(columnlens-<category>)` rules (entrypoints/content/painted.css), which the
 * document, or the shadow root, adopts only while something in it is painted
 * (adopted-styles.ts says why). Ranges are `StaticRange`s:
 * a live `Range` is updated by the browser on every DOM mutation anywhere in the document,
 * so thousands of them would tax every change the page makes. A static range can go stale
 * when the page edits its text; the mutation watcher then re-reads that text, which removes
 * the stale ranges and paints new ones within a second (the browser skips invalid ranges).
 *
 * Without elements, the tooltip finds the highlight under the pointer by hit-testing: a
 * per-text-node index of painted pieces, sorted by offset (`hitTest`).
 */
import type { AdoptedStyles } from './adopted-styles';
import type { HighlightEngine, HighlightHit, Piece } from './engine';
import { createTextColourSorter } from './painted-text-colour';

/** Pieces painted per scheduler step when one text node has very many (a log or dump). */
const PIECES_PER_STEP = 2_000;

/** Prefix of our names in the page's highlight registry (the page may register its own). */
export const HIGHLIGHT_NAME_PREFIX = 'columnlens-';

/**
 * The registry name for a category's highlight. Text set in a light colour (a dark page) is
 * painted by `<name>-light`, whose underline and tint are mixed with white rather than with the
 * text's colour (painted-text-colour.ts): where a page sets its colours on an element inside the
 * body (a dark-themed wrapper), Chromium paints `currentColor` in a `::highlight()` rule as
 * black (its computed style says otherwise), which took the underline there down to about 2:1
 * (painted-contrast.e2e.test.ts).
 */
export function highlightName(category: string): string {
  return HIGHLIGHT_NAME_PREFIX + (category.replace(/[^a-z0-9-]/gi, '-') || 'other');
}

interface Painted {
  node: Text;
  start: number;
  end: number;
  id: string;
  /** Its registry name (`highlightName`; with `-light` on light text). */
  layer: string;
  range: AbstractRange;
  hit?: HighlightHit;
  gone?: boolean;
}

type HighlightWindow = Window & typeof globalThis;

/** Whether `win` can paint highlights (Chromium ≥ 105, Safari ≥ 17.2, Firefox ≥ 140). */
export function supportsHighlights(win: Window): boolean {
  const w = win as Partial<HighlightWindow>;
  return typeof w.Highlight === 'function' && typeof w.CSS?.highlights?.set === 'function';
}

const isShadowRoot = (node: Node): node is ShadowRoot => node.nodeType === 11 && 'host' in node;

/** Index of the last painted piece starting at or before `offset` (-1 when none does). */
function lastAtOrBefore(list: readonly Painted[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Creates the highlight engine for one document; check `supportsHighlights` first. `styles`
 * holds the painted highlights' rules, adopted by the document (or the open shadow root) of
 * each text node painted, until everything is taken back.
 */
export function createHighlightEngine(doc: Document, win: HighlightWindow, styles?: AdoptedStyles): HighlightEngine {
  const registry = win.CSS.highlights;
  /** Our highlights by registry name. */
  const layers = new Map<string, Highlight>();
  const byNode = new Map<Text, Painted[]>();
  const colours = createTextColourSorter(doc, win, byNode, (painted, name) => {
    layers.get(painted.layer)?.delete(painted.range);
    painted.layer = name;
    layer(name).add(painted.range);
  });

  function layer(name: string): Highlight {
    let highlight = layers.get(name);
    if (!highlight) {
      highlight = new win.Highlight();
      registry.set(name, highlight);
      layers.set(name, highlight);
    }
    return highlight;
  }

  function rangeOf(node: Text, start: number, end: number): AbstractRange {
    if (typeof win.StaticRange === 'function') {
      return new win.StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
    }
    const range = doc.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range;
  }

  /** Paints `piece` unless its text changed or it overlaps a painted piece. */
  function paint(piece: Piece, list: Painted[]): void {
    const { node, start, end } = piece;
    if (node.data.slice(start, end) !== piece.text) return;
    // Pieces mostly arrive in order: appending is the common case, inserting the rare one.
    const before = lastAtOrBefore(list, start);
    const prev = list[before];
    const next = list[before + 1];
    if ((prev && prev.end > start) || (next && next.start < end)) return;
    const painted: Painted = {
      node,
      start,
      end,
      id: piece.id,
      layer: highlightName(piece.category),
      range: rangeOf(node, start, end),
    };
    list.splice(before + 1, 0, painted);
    layer(painted.layer).add(painted.range);
    colours.painted(painted);
  }

  function unpaint(list: readonly Painted[]): void {
    for (const painted of list) {
      painted.gone = true;
      layers.get(painted.layer)?.delete(painted.range);
    }
  }

  function liveRange(node: Text, start: number, endNode: Text, end: number): Range | undefined {
    try {
      const range = doc.createRange();
      range.setStart(node, start);
      range.setEnd(endNode, end);
      return range;
    } catch {
      return undefined; // The page shortened the text since; its re-read is on the way.
    }
  }

  function removeAll(): void {
    for (const list of byNode.values()) unpaint(list);
    byNode.clear();
    for (const [name, highlight] of layers) {
      // Only our own entry: the page may have replaced it with one of its own meanwhile.
      if (registry.get(name) === highlight) registry.delete(name);
    }
    layers.clear();
    styles?.release();
    colours.stop();
  }

  function apply(pieces: readonly Piece[]): void {
    // Each batch that paints new text nodes has their trees adopt the rules (again, if the
    // page replaced its sheets since): once per tree and batch, as batches mostly hold one tree.
    let adoptedBy: Node | undefined;
    for (const piece of pieces) {
      if (!piece.node.isConnected) continue;
      let list = byNode.get(piece.node);
      if (!list) {
        byNode.set(piece.node, (list = []));
        // The rules must be in the node's own tree: a shadow tree sees none of the document's.
        const root = piece.node.getRootNode();
        if (root !== adoptedBy) {
          styles?.adopt(isShadowRoot(root) ? root : doc);
          adoptedBy = root;
        }
      }
      paint(piece, list);
      if (list.length === 0) byNode.delete(piece.node);
    }
  }

  return {
    kind: 'highlight',
    apply,
    *applyInSteps(pieces, write) {
      // Ranges in one text node are cheap for the browser to take in; creating tens of
      // thousands of them is not cheap for us, so it is spread over steps.
      for (let i = 0; i < pieces.length; i += PIECES_PER_STEP) {
        write(() => apply(pieces.slice(i, i + PIECES_PER_STEP)));
        yield undefined;
      }
    },
    remove(nodes) {
      for (const node of nodes) {
        const list = byNode.get(node);
        if (!list) continue;
        unpaint(list);
        byNode.delete(node);
      }
    },
    removeAll,
    *removeAllInSteps(write) {
      // Deleting ranges from the registry changes no DOM and costs little: one step does it.
      write(removeAll);
      yield undefined;
    },
    originalOf: () => undefined, // No nodes of ours exist.
    has: (node) => byNode.has(node),
    locate(pieces) {
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      if (!first || !last) return undefined;
      const list = byNode.get(first.node);
      const painted = list?.[lastAtOrBefore(list, first.start)];
      if (!painted || painted.start !== first.start) return undefined;
      const range = liveRange(first.node, first.start, last.node, last.end);
      return range && { range, alive: () => !painted.gone };
    },
    originalPoint: () => undefined, // Points in the page are points in the original text.
    paints: () => true,
    hitTest(node, offset) {
      const list = byNode.get(node as Text);
      const painted = list?.[lastAtOrBefore(list, offset)];
      if (!painted || offset >= painted.end) return undefined;
      if (!painted.hit) {
        const range = liveRange(painted.node, painted.start, painted.node, painted.end);
        if (!range) return undefined;
        const owner = painted;
        painted.hit = { id: owner.id, key: owner, range, alive: () => !owner.gone };
      }
      return painted.hit;
    },
  };
}
