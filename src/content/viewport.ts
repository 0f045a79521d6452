/**
 * Which highlights to draw now: those near the viewport. Drawing thousands of marks at once
 * makes the browser lay out the whole page again (seconds on table-heavy pages); drawing
 * them as they come near the viewport spreads that cost and skips it for text nobody
 * scrolls to. IntersectionObserver answers without forcing layout from our code, unlike
 * `getBoundingClientRect` (read once, for the first blocks, in the first frame's callback,
 * where the frame's layout is due anyway: intersection-watcher.ts).
 */

export interface ViewportWatcher {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
}

/**
 * Creates a watcher that reports elements as they come near the viewport. `inFrame`: reported
 * from an animation-frame callback, where what is drawn at once shows in that very frame.
 */
export type ViewportWatcherFactory = (onNear: (elements: Element[], inFrame?: boolean) => void) => ViewportWatcher;

/**
 * Draw one screen ahead above and below, so scrolling rarely shows text before its highlights.
 * The browser's watcher is `intersection-watcher.ts`.
 */
export const NEAR_MARGIN = '100% 0px 100% 0px';

/** Everything counts as near: for documents without layout (tests, or no IntersectionObserver). */
export const everythingNear: ViewportWatcherFactory = (onNear) => {
  let live = true;
  return {
    observe(el) {
      if (live) queueMicrotask(() => live && onNear([el]));
    },
    unobserve() {},
    disconnect() {
      live = false;
    },
  };
};
