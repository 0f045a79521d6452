/**
 * The tooltip from the keyboard: Esc closes it, and Tab reaches its links.
 *
 * The tooltip describes a highlight and is not in the page's tab order (it is appended at the
 * end of the document, and only while it shows). A reader who came to a highlight by keyboard
 * (its mark focused, or a painted highlight's tooltip pinned by Alt+Shift+J) presses Tab to
 * move into the tooltip's links, as in the disclosure pattern of hover cards, and Tab and
 * Shift+Tab move among them here (they are out of the page's tab order, so the browser's own
 * Tab never lands in the tooltip from elsewhere). Tab past the last link goes on from the
 * highlight: the mark is focused again and the browser's own Tab moves on from there, so the
 * page's tab order continues and nothing traps focus. Shift+Tab
 * from the first link goes back to the mark. A painted highlight has no element to go back to:
 * leaving its links either way closes its tooltip, and its text stays selected.
 *
 * Esc closes the tooltip and is swallowed, so it does not also close the page's own dialog;
 * from inside the tooltip it first puts focus back on the mark, not on the page's body. Only an
 * Esc typed in the page's own field goes on to the page as well, and one that ends an input
 * method's composition is left alone.
 */
import { isWhereReaderTypes } from '../content/dom-rules';
import type { Direction } from '../content/occurrences';
import { FOLLOWING, PRECEDING } from '../document-position';
import { focusByKeyboard } from './keyboard-focus';

/** What the keys need of the tooltip. */
export interface KeyboardTooltip {
  /** Whether a tooltip shows. */
  isOpen(): boolean;
  /** Whether the reader came to it by keyboard: its mark has focus, or navigation pinned it. */
  cameByKeyboard(): boolean;
  /** The open tooltip's links in order (none when closed). */
  links(): readonly HTMLElement[];
  /** Moves focus to `link`, one of `links()`: the tooltip now stays open while focus is in it. */
  enter(link: HTMLElement): void;
  /** The focused element inside the tooltip, if focus is there. */
  focusedInside(): Element | null;
  /** The highlight's mark, when it has one (painted highlights have none). */
  mark(): HTMLElement | undefined;
  close(): void;
}

/**
 * The link after (or before) `from` in the tooltip: the next in `links`, or, from a name a
 * "+N" button put out (focused so that focus stays in the tooltip), the first that follows it.
 */
function adjacentLink(links: readonly HTMLElement[], from: Element, direction: Direction): HTMLElement | undefined {
  const at = links.indexOf(from as HTMLElement);
  if (at >= 0) return links[at + (direction === 'next' ? 1 : -1)];
  if (direction === 'next') return links.find((link) => from.compareDocumentPosition(link) & FOLLOWING);
  return links.findLast((link) => from.compareDocumentPosition(link) & PRECEDING);
}

/** Listens for Esc and Tab on `win` (capture, before the page) until `signal` aborts. */
export function watchTooltipKeys(win: Window, signal: AbortSignal, tooltip: KeyboardTooltip): void {
  const take = (event: KeyboardEvent) => {
    event.preventDefault();
    event.stopPropagation();
  };
  /** Focuses the highlight's mark; false when it has none. */
  const backToMark = () => {
    const mark = tooltip.mark();
    if (mark) focusByKeyboard(mark, true);
    return mark !== undefined;
  };

  win.addEventListener(
    'keydown',
    (event) => {
      if (!tooltip.isOpen()) return;
      if (event.key === 'Escape') {
        // An Esc that ends an input method's composition (typing Chinese) is the IME's alone.
        if (event.isComposing) return;
        if (tooltip.focusedInside()) backToMark();
        tooltip.close();
        // Typed in the page's own field (the pointer left resting on a highlight), the Esc is
        // also the page's: its search box or suggestion list closes as it would without us.
        if (isWhereReaderTypes(event.composedPath()[0] ?? event.target)) return;
        return take(event);
      }
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      const links = tooltip.links();
      const inside = tooltip.focusedInside();
      if (!inside) {
        if (event.shiftKey || links.length === 0 || !tooltip.cameByKeyboard()) return;
        tooltip.enter(links[0]!);
        return take(event);
      }
      const to = adjacentLink(links, inside, event.shiftKey ? 'previous' : 'next');
      if (to) {
        focusByKeyboard(to);
        return take(event);
      }
      if (!backToMark()) {
        tooltip.close();
        return take(event);
      }
      // Forward: the mark has focus now, and the browser's Tab goes on from it. Back: stay on it.
      if (event.shiftKey) take(event);
    },
    { signal, capture: true },
  );
}
