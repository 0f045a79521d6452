/**
 * Keyboard navigation between highlights. Marks are not in the tab order (tabindex=-1),
 * so a page with hundreds of highlights keeps its own tab order; instead Alt+Shift+J and
 * Alt+Shift+K move to the next and previous occurrence, and its tooltip opens.
 *
 * Where the next occurrence is comes from the highlighter (`findOccurrence`): it knows every
 * occurrence in document order, shadow trees included, also those not drawn yet (it draws
 * only about a screen ahead), and how each is drawn. Going there is the visitor's job
 * (`visit-occurrence.ts`): focus for a mark, selection and tooltip for a painted highlight.
 * Without a highlighter, the marks drawn in the document are walked.
 *
 * J/K follow the common "next/previous item" convention (Gmail, feed readers); with Alt+Shift
 * they are free in Chrome and the major screen readers. In Firefox Alt+Shift is the modifier of
 * a page's access keys, so a page that declares J or K (Wikipedia does) has them only where no
 * highlight is. Keys are matched by physical position (`code`), because on macOS Option turns
 * the letter into another character.
 */
import { isShown, isWhereReaderTypes } from '../content/dom-rules';
import type { Occurrence } from '../content/engine';
import type { Direction, TextPoint } from '../content/occurrences';
import { FOLLOWING, PRECEDING } from '../document-position';
import { MARK_START_SELECTOR } from './marks';
import { rangeContext } from './tooltip-anchor';
import { createOccurrenceVisitor, type OccurrenceVisitor } from './visit-occurrence';

export const NEXT_HIGHLIGHT_KEYS = { code: 'KeyJ', label: 'Alt+Shift+J' } as const;
export const PREVIOUS_HIGHLIGHT_KEYS = { code: 'KeyK', label: 'Alt+Shift+K' } as const;

/**
 * The highlight after (or before) `from` in document order, wrapping around at the ends.
 * Without a reference point it starts from the first (or last) highlight.
 */
export function adjacentHighlight(
  marks: readonly Element[],
  from: Element | null,
  direction: Direction,
): Element | undefined {
  if (marks.length === 0) return undefined;
  const forward = direction === 'next';
  if (from) {
    const index = marks.indexOf(from);
    if (index >= 0) return marks[(index + (forward ? 1 : marks.length - 1)) % marks.length];
    // From elsewhere on the page (focus in a paragraph, or on a later piece of a highlight):
    // the first highlight that follows it, or the last that precedes it.
    const wanted = forward ? FOLLOWING : PRECEDING;
    const candidates = forward ? marks : [...marks].reverse();
    const found = candidates.find((mark) => (from.compareDocumentPosition(mark) & wanted) !== 0);
    if (found) return found;
  }
  return forward ? marks[0] : marks[marks.length - 1];
}

/** The focused element, inside open shadow trees too (a focused mark there leaves its host as `activeElement`). */
function focusedElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active && active !== doc.body && active !== doc.documentElement ? active : null;
}

/**
 * Where "next" counts from: the highlight the last visit selected, else the focused element,
 * else where the reader clicked or selected in the page's text, else, on a page scrolled
 * down, the text at the window's top edge (at its foot for "previous"). Counting from the
 * page's top there took a reader who had scrolled to the middle back to the headline.
 */
function startingPoint(
  doc: Document,
  visitor: OccurrenceVisitor,
  direction: Direction,
  focusedMark?: () => Element | undefined,
): TextPoint | undefined {
  const selected = visitor.selected();
  if (selected) return { node: selected.startContainer, offset: selected.startOffset };
  const focused = focusedMark?.() ?? focusedElement(doc);
  if (focused) return { node: focused, offset: 0 };
  return clickedPoint(doc) ?? windowEdgePoint(doc, direction);
}

/**
 * The caret a click left in the page's text, or the end a selection was dragged to, while it
 * is in the window: one the reader has scrolled away from is no longer where they read.
 */
function clickedPoint(doc: Document): TextPoint | undefined {
  const selection = doc.getSelection();
  const node = selection?.focusNode;
  if (!selection || !node || !doc.body?.contains(node)) return undefined;
  const range = doc.createRange();
  range.setStart(node, selection.focusOffset);
  const box = range.getBoundingClientRect?.();
  const height = doc.defaultView?.innerHeight ?? 0;
  // A box of no size at the origin is no layout to judge by (text not rendered): the caret counts.
  if (box && (box.width || box.height || box.top) && (box.bottom < 0 || box.top > height)) return undefined;
  return { node, offset: selection.focusOffset };
}

/**
 * The text at the window's top edge (foot, for "previous") of a page scrolled away from its
 * start, below (above) any bar the page keeps fixed there: its text is the page's top.
 */
function windowEdgePoint(doc: Document, direction: Direction): TextPoint | undefined {
  const win = doc.defaultView;
  if (!win || (win.scrollX === 0 && win.scrollY === 0) || typeof doc.caretPositionFromPoint !== 'function')
    return undefined;
  const step = direction === 'next' ? 24 : -24;
  // Across the window's middle, where a column of text is rather than a margin; a quarter of
  // the window deep at most.
  for (let y = direction === 'next' ? 1 : win.innerHeight - 2, n = 0; n * 24 < win.innerHeight / 4; y += step, n++) {
    for (const x of [0.5, 0.3, 0.7].map((f) => Math.round(win.innerWidth * f))) {
      const caret = doc.caretPositionFromPoint(x, y);
      const node = caret?.offsetNode;
      if (!node || !doc.body?.contains(node) || inFixedBar(node)) continue;
      return { node, offset: caret.offset };
    }
  }
  return undefined;
}

/** Whether `node` is in an element the page keeps in place as it scrolls (a fixed or sticky bar). */
function inFixedBar(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    const position = el.ownerDocument.defaultView?.getComputedStyle(el).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

/**
 * Whether the reader can be taken to an occurrence: one in text the page does not show
 * (`display: none`, a closed `<details>`, `hidden="until-found"`, `visibility: hidden`) or in
 * an inert subtree cannot take focus or be seen, and going there would leave focus where it
 * was, so the next keystroke would find the same one again. The highlighter passes over
 * them (`HighlighterDeps.canVisit`).
 */
export function isVisitable(occurrence: Occurrence): boolean {
  const element = occurrence.element ?? rangeContext(occurrence.range);
  if (!element) return true;
  if (element.closest('[inert]')) return false;
  return isShown(element);
}

/** The drawn marks' way, for use without a highlighter. */
function adjacentMark(doc: Document, direction: Direction, from: Element | null): Occurrence | undefined {
  const marks = Array.from(doc.querySelectorAll<HTMLElement>(MARK_START_SELECTOR));
  const element = adjacentHighlight(marks, from, direction) as HTMLElement | undefined;
  if (!element) return undefined;
  const range = doc.createRange();
  range.selectNode(element);
  return { id: element.dataset.glossaryId ?? '', element, range };
}

export interface NavigationOptions {
  document: Document;
  signal: AbortSignal;
  /** The occurrence after (or before) `from`, every occurrence of the page included, hidden ones passed over (the highlighter's). */
  findOccurrence?(from: TextPoint | undefined, direction: Direction): Occurrence | undefined;
  /** Goes to the occurrence found; by default focuses its element. */
  visitor?: OccurrenceVisitor;
  /** The mark whose tooltip holds focus, which focus there stands for (`Tooltip.focusedMark`). */
  focusedMark?(): Element | undefined;
}

/** Starts the next/previous-highlight shortcut on `document` until `signal` aborts. */
export function startHighlightNavigation({
  document: doc,
  signal,
  findOccurrence,
  visitor,
  focusedMark,
}: NavigationOptions): void {
  if (signal.aborted) return;
  const win = doc.defaultView ?? window;
  const visits = visitor ?? createOccurrenceVisitor(doc);
  win.addEventListener(
    'keydown',
    (event) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const direction =
        event.code === NEXT_HIGHLIGHT_KEYS.code
          ? 'next'
          : event.code === PREVIOUS_HIGHLIGHT_KEYS.code
            ? 'previous'
            : undefined;
      if (!direction || isWhereReaderTypes(event.composedPath()[0] ?? event.target)) return;
      const target = findOccurrence
        ? findOccurrence(startingPoint(doc, visits, direction, focusedMark), direction)
        : adjacentMark(doc, direction, focusedMark?.() ?? focusedElement(doc));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      visits.visit(target);
    },
    { signal, capture: true },
  );
}
