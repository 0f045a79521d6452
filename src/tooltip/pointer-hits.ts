/**
 * Finding the painted highlight under the pointer. Painted highlights (CSS Custom Highlight
 * API) are not elements, so no pointer event names them: on pointer movement, at most once
 * per frame, the caret position under the pointer gives a text node and offset, and the
 * highlighter's index says which highlight, if any, covers it. The boxes of that highlight
 * must contain the point: the caret position is the nearest one, also beside a line's end.
 *
 * Nothing runs while the page has no painted highlights (`active`): a caret query may force
 * the page's pending layout, which pages with marks never pay for.
 */
import type { RangeTarget } from './tooltip-anchor';

export interface HighlightHitTester {
  /** Whether painted highlights exist at all (the highlight engine is drawing). */
  active(): boolean;
  /** The highlight covering `offset` in text node `node`. */
  at(node: Node, offset: number): (RangeTarget & { key: object }) | undefined;
}

interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): CaretPosition | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The caret position at a point: the standard API (Chromium ≥ 128, Firefox), else Chromium's older one. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): Caret | undefined {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    // Open shadow roots on the pointer's path are passed in, or the position stops at their host.
    const position = d.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function contains(range: Range, x: number, y: number): boolean {
  for (const box of range.getClientRects()) {
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return true;
  }
  return false;
}

/** The highlight under (x, y). A caret in the right half of a highlight's last character sits after it: try both sides. */
export function hitAt(
  doc: Document,
  tester: HighlightHitTester,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): ReturnType<HighlightHitTester['at']> {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  for (const offset of [caret.offset, caret.offset - 1]) {
    const hit = offset >= 0 ? tester.at(caret.node, offset) : undefined;
    if (hit && contains(hit.range, x, y)) return hit;
  }
  return undefined;
}

/** The open shadow roots an event passed through, for `caretAt`. */
function shadowRootsOn(event: Event): ShadowRoot[] {
  return event.composedPath().filter((n): n is ShadowRoot => (n as Node).nodeType === 11 && 'host' in n);
}

/**
 * Calls `onChange` with the highlight under the pointer whenever it changes (undefined when
 * the pointer leaves it). Pointer positions over `isOwnUi` targets (the tooltip) are ignored.
 */
export function watchPointerHits(
  doc: Document,
  signal: AbortSignal,
  tester: HighlightHitTester,
  isOwnUi: (target: EventTarget | null) => boolean,
  onChange: (hit: ReturnType<HighlightHitTester['at']>) => void,
): void {
  const win = doc.defaultView ?? window;
  let frame: number | undefined;
  let last: object | undefined;
  let x = 0;
  let y = 0;
  let roots: ShadowRoot[] = [];

  const report = (hit: ReturnType<HighlightHitTester['at']>) => {
    if (hit?.key === last) return;
    last = hit?.key;
    onChange(hit);
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch' || isOwnUi(event.target) || !tester.active()) return;
      x = event.clientX;
      y = event.clientY;
      roots = shadowRootsOn(event);
      frame ??= win.requestAnimationFrame(() => {
        frame = undefined;
        if (!signal.aborted) report(hitAt(doc, tester, x, y, roots));
      });
    },
    { signal, passive: true },
  );
  // Leaving the window leaves every highlight.
  doc.addEventListener(
    'pointerout',
    (event) => {
      if (!event.relatedTarget && last) report(undefined);
    },
    { signal, passive: true },
  );
  signal.addEventListener('abort', () => frame !== undefined && win.cancelAnimationFrame(frame), { once: true });
}

/** The highlight under a pointer event's position (open shadow roots on its path included). */
export function hitUnder(
  doc: Document,
  tester: HighlightHitTester,
  event: MouseEvent,
): ReturnType<HighlightHitTester['at']> {
  return hitAt(doc, tester, event.clientX, event.clientY, shadowRootsOn(event));
}
