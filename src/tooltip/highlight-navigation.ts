/**
 * Keyboard navigation between highlights. Marks are not in the tab order (tabindex=-1),
 * so a page with hundreds of highlights keeps its own tab order; instead Alt+Shift+J and
 * Alt+Shift+K move focus to the next and previous highlight, and focus opens the tooltip.
 *
 * J/K follow the common "next/previous item" convention (Gmail, feed readers); with Alt+Shift
 * they are free in Chrome, Firefox and the major screen readers. Keys are matched by
 * physical position (`code`), because on macOS Option turns the letter into another character.
 */
import { MARK_START_SELECTOR } from './marks';

export const NEXT_HIGHLIGHT_KEYS = { code: 'KeyJ', label: 'Alt+Shift+J' } as const;
export const PREVIOUS_HIGHLIGHT_KEYS = { code: 'KeyK', label: 'Alt+Shift+K' } as const;

/** Whether the keystroke belongs to a field the reader is typing in. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as Partial<HTMLElement> | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.isContentEditable) return true;
  return el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * The highlight after (or before) `from` in document order, wrapping around at the ends.
 * Without a reference point it starts from the first (or last) highlight.
 */
export function adjacentHighlight(
  marks: readonly Element[],
  from: Element | null,
  direction: 'next' | 'previous',
): Element | undefined {
  if (marks.length === 0) return undefined;
  const forward = direction === 'next';
  if (from) {
    const index = marks.indexOf(from);
    if (index >= 0) return marks[(index + (forward ? 1 : marks.length - 1)) % marks.length];
    // From elsewhere on the page (focus in a paragraph, or on a later piece of a highlight):
    // the first highlight that follows it, or the last that precedes it.
    const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node.
    const PRECEDING = 2;
    const wanted = forward ? FOLLOWING : PRECEDING;
    const candidates = forward ? marks : [...marks].reverse();
    const found = candidates.find((mark) => (from.compareDocumentPosition(mark) & wanted) !== 0);
    if (found) return found;
  }
  return forward ? marks[0] : marks[marks.length - 1];
}

export interface NavigationOptions {
  document: Document;
  signal: AbortSignal;
}

/** Starts the next/previous-highlight shortcut on `document` until `signal` aborts. */
export function startHighlightNavigation({ document: doc, signal }: NavigationOptions): void {
  if (signal.aborted) return;
  const win = doc.defaultView ?? window;
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
      if (!direction || isTyping(event.composedPath()[0] ?? event.target)) return;
      const marks = Array.from(doc.querySelectorAll<HTMLElement>(MARK_START_SELECTOR));
      const active = doc.activeElement;
      const from = active && active !== doc.body && active !== doc.documentElement ? active : null;
      const target = adjacentHighlight(marks, from, direction) as HTMLElement | undefined;
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      const reduceMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
      target.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
      target.focus({ preventScroll: true });
    },
    { signal, capture: true },
  );
}
