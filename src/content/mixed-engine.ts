/**
 * Marks, and painted ranges where a mark would change the page's layout. The DOM engine draws
 * every occurrence except those in text that a flex or grid container lays out as one
 * anonymous item (item-text.ts): those the highlight engine paints, leaving the text whole.
 * The painted engine is made with the first such occurrence, so a page without one never asks
 * for the highlight registry. Where the browser cannot paint, such text is marked as before.
 *
 * A text node is drawn by one engine only: marks split it, which would move a painted range's
 * offsets. So an occurrence goes to the painter when any of its text nodes is item text or
 * already painted; every other one is marked.
 */
import type { HighlightEngine, Piece } from './engine';

export interface MixedEngineParts {
  marks: HighlightEngine;
  /** The painting engine, made on first use; undefined where the browser cannot paint. */
  painter: () => HighlightEngine | undefined;
  /** Whether this text node would be torn apart by a mark (read before any write: it reads styles). */
  isItemText: (node: Text) => boolean;
}

/** Pieces split into occurrences: each starts at a piece marked `first`. */
function* occurrences(pieces: readonly Piece[]): Generator<Piece[]> {
  let current: Piece[] = [];
  for (const piece of pieces) {
    if (piece.first && current.length > 0) {
      yield current;
      current = [];
    }
    current.push(piece);
  }
  if (current.length > 0) yield current;
}

export function createMixedEngine({ marks, painter, isItemText }: MixedEngineParts): HighlightEngine {
  let painted: HighlightEngine | undefined;
  /** Whether painting was asked for and is impossible here. */
  let cannotPaint = false;
  /**
   * `isItemText` of text nodes read ahead (`prepare`), kept for their later draws too: a
   * container seldom changes its display, and a stale answer only draws a name as before.
   */
  const readAhead = new WeakMap<Text, boolean>();

  /** The pieces for each engine; styles not read ahead (`prepare`) are read here, before either engine writes. */
  function route(pieces: readonly Piece[]): { toMark: Piece[]; toPaint: Piece[] } {
    const toMark: Piece[] = [];
    const toPaint: Piece[] = [];
    const itemText = new Map<Text, boolean>();
    const paints = (node: Text) => {
      if (painted?.has(node)) return true;
      let answer = itemText.get(node);
      if (answer === undefined) {
        answer = !marks.has(node) && (readAhead.get(node) ?? isItemText(node));
        itemText.set(node, answer);
      }
      return answer;
    };
    for (const occurrence of occurrences(pieces)) {
      const paint = !cannotPaint && occurrence.some((piece) => paints(piece.node));
      (paint ? toPaint : toMark).push(...occurrence);
    }
    if (toPaint.length > 0 && !painted) {
      painted = painter();
      if (!painted) {
        cannotPaint = true;
        toMark.push(...toPaint);
        toPaint.length = 0;
      }
    }
    return { toMark, toPaint };
  }

  return {
    kind: 'dom',
    apply(pieces) {
      const { toMark, toPaint } = route(pieces);
      if (toPaint.length > 0) painted!.apply(toPaint);
      if (toMark.length > 0) marks.apply(toMark);
    },
    ...(marks.applyInSteps && {
      *applyInSteps(pieces: readonly Piece[], write: (change: () => void) => void) {
        const { toMark, toPaint } = route(pieces);
        if (toPaint.length > 0) write(() => painted!.apply(toPaint));
        if (toMark.length > 0) yield* marks.applyInSteps!(toMark, write);
      },
    }),
    remove(nodes) {
      const list = [...nodes];
      marks.remove(list);
      painted?.remove(list);
    },
    removeAll() {
      marks.removeAll();
      painted?.removeAll();
    },
    *removeAllInSteps(write) {
      yield* marks.removeAllInSteps(write);
      if (painted) yield* painted.removeAllInSteps(write);
    },
    originalOf: (node) => marks.originalOf(node),
    has: (node) => marks.has(node) || !!painted?.has(node),
    textWritten: (node) => marks.textWritten?.(node),
    dropWritten: (node) => marks.dropWritten?.(node),
    locate(pieces) {
      const first = pieces[0];
      return first && painted?.has(first.node) ? painted.locate(pieces) : marks.locate(pieces);
    },
    originalPoint: (node, offset) => marks.originalPoint(node, offset),
    hitTest: (node, offset) => painted?.hitTest?.(node, offset),
    paints: () => painted !== undefined,
    prepare(pieces) {
      if (cannotPaint) return;
      for (const { node } of pieces) if (!readAhead.has(node)) readAhead.set(node, isItemText(node));
    },
  };
}
