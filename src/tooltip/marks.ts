/** How the tooltip and the keyboard navigation recognise the highlighter's marks. */

/** Any piece of a highlight. */
export const MARK_SELECTOR = 'mark[data-glossary-id]';
/** The first piece of each highlight: one per occurrence, the one keyboard navigation visits. */
export const MARK_START_SELECTOR = 'mark[data-columnlens-start]';

/** The highlight piece `target` is in, if any. */
export function closestMark(target: EventTarget | null): HTMLElement | null {
  // Duck-typed rather than `instanceof Element`: the page, frames and the test's jsdom
  // each have their own Element constructor.
  const el = target as Partial<Element> | null;
  return typeof el?.closest === 'function' ? (el.closest(MARK_SELECTOR) as HTMLElement | null) : null;
}
