/**
 * Going to an occurrence (keyboard navigation, "reveal" from the popup). A mark is scrolled
 * to and focused; focus opens its tooltip and screen readers read it with its description.
 *
 * A painted highlight (highlight engine) has no element to focus, and adding one would
 * change the page. It is scrolled to the middle of the view, selected, and its tooltip shown
 * until dismissed. The selection is what assistive technology follows and announces (the
 * highlighted words), a keyboard user can extend or copy it, and the next shortcut continues
 * from it. The trade-off: no focus ring, the tooltip is not tied to the text by
 * `aria-describedby`, and the reader's own selection is replaced (only by their keystroke).
 */
import { composedParent } from '../content/dom-rules';
import type { Occurrence } from '../content/engine';
import { focusByKeyboard } from './keyboard-focus';
import type { RangeTarget } from './tooltip-anchor';
import { rangeContext } from './tooltip-anchor';

export interface OccurrenceVisitor {
  visit(occurrence: Occurrence): void;
  /** The range the last visit selected, if the reader has not changed the selection since. */
  selected(): Range | undefined;
}

function prefersReducedMotion(win: Window): boolean {
  return win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
}

/** Scrolls every scrolling box around `range`, then the window, so the range is in the middle. */
export function scrollRangeIntoView(range: Range, win: Window, smooth: boolean): void {
  const doc = range.startContainer.ownerDocument;
  // Up through shadow hosts too: a name in a web component's shadow tree often sits in a
  // scrolling pane of the page around it.
  const stop = (node: Node) => node === doc?.body || node === doc?.documentElement;
  for (let node: Node | null = rangeContext(range) ?? null; node && !stop(node); node = composedParent(node)) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth) continue;
    const style = win.getComputedStyle(el);
    if (!/auto|scroll/.test(`${style.overflowX} ${style.overflowY}`)) continue;
    const box = el.getBoundingClientRect();
    const r = range.getBoundingClientRect();
    el.scrollTop += r.top + r.height / 2 - (box.top + box.height / 2);
    el.scrollLeft += r.left + r.width / 2 - (box.left + box.width / 2);
  }
  const r = range.getBoundingClientRect();
  win.scrollBy({
    top: r.top + r.height / 2 - win.innerHeight / 2,
    left: r.left < 0 || r.right > win.innerWidth ? r.left - win.innerWidth / 3 : 0,
    behavior: smooth ? 'smooth' : 'auto',
  });
}

const samePlace = (a: Range, b: Range) => a.startContainer === b.startContainer && a.startOffset === b.startOffset;

/** Creates the visitor for `doc`; `showTooltip` shows a painted highlight's tooltip. */
export function createOccurrenceVisitor(doc: Document, showTooltip?: (target: RangeTarget) => void): OccurrenceVisitor {
  const win = doc.defaultView ?? window;
  let lastSelected: Range | undefined;
  return {
    visit(occurrence) {
      const smooth = !prefersReducedMotion(win);
      const { element, range } = occurrence;
      if (element) {
        element.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
        focusByKeyboard(element, true);
        return;
      }
      scrollRangeIntoView(range, win, smooth);
      const selection = doc.getSelection();
      if (selection) {
        selection.removeAllRanges();
        selection.addRange(range);
        lastSelected = range.cloneRange();
      }
      showTooltip?.(occurrence);
    },
    selected() {
      const selection = doc.getSelection();
      if (!lastSelected || !selection || selection.rangeCount === 0) return undefined;
      return samePlace(selection.getRangeAt(0), lastSelected) ? lastSelected : undefined;
    },
  };
}
