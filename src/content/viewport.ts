/**
 * Which highlights to draw now: those near the viewport. Drawing thousands of marks at once
 * makes the browser lay out the whole page again (seconds on table-heavy pages); drawing
 * them as they come near the viewport spreads that cost and skips it for text nobody
 * scrolls to. IntersectionObserver answers without forcing layout from our code, unlike
 * `getBoundingClientRect`.
 */

export interface ViewportWatcher {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
}

/** Creates a watcher that reports elements as they come near the viewport. */
export type ViewportWatcherFactory = (onNear: (elements: Element[]) => void) => ViewportWatcher;

/** Draw one screen ahead above and below, so scrolling rarely shows text before its highlights. */
export const NEAR_MARGIN = '100% 0px 100% 0px';

/**
 * Targets an observer may hold before new ones are handed to it in batches. Each observe()
 * makes the browser compute intersections at its next frame, and Chromium then computes every
 * target of the observer: handed over one slice at a time, the 3,000 blocks of a long page
 * cost a rendering task of 2–8 ms per frame for as long as the first read lasts.
 */
export const FREE_TARGETS = 256;
/** Once past FREE_TARGETS, new targets are handed over at most this often. */
export const OBSERVE_EVERY_MS = 100;

/** The real thing, for browsers. */
export function intersectionViewport(win: Window & typeof globalThis): ViewportWatcherFactory {
  return (onNear) => {
    const observer = new win.IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
        if (near.length > 0) onNear(near);
      },
      { rootMargin: NEAR_MARGIN },
    );
    /** Targets not handed to the observer yet, and how many it holds. */
    const waiting = new Set<Element>();
    let held = 0;
    let timer: number | undefined;
    let lastHandOver = -Infinity;
    const handOver = () => {
      timer = undefined;
      lastHandOver = win.performance.now();
      for (const el of waiting) observer.observe(el);
      held += waiting.size;
      waiting.clear();
    };
    return {
      observe(el) {
        waiting.add(el);
        if (timer !== undefined) return;
        // A task later, so everything a slice found is handed over at once; the first few
        // hundred (the top of the page, usually) without waiting.
        const wait = held < FREE_TARGETS ? 0 : lastHandOver + OBSERVE_EVERY_MS - win.performance.now();
        timer = win.setTimeout(handOver, Math.max(0, wait));
      },
      unobserve(el) {
        if (waiting.delete(el)) return;
        observer.unobserve(el);
        held = Math.max(0, held - 1);
      },
      disconnect() {
        win.clearTimeout(timer);
        timer = undefined;
        waiting.clear();
        held = 0;
        observer.disconnect();
      },
    };
  };
}

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
