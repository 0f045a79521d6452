/**
 * Scrolling a page like a reader, inside the page (via `page.evaluate`, so self-contained):
 * the extension draws highlights as text comes near the viewport.
 */

/**
 * Scrolls through the page the way a reader would, so that highlights drawn only near the
 * viewport get drawn everywhere: the window, two screens at a time (`windowPass`), then
 * straight to each text offset in `places` (text in inner scrolling boxes the window scroll
 * never brings into view). After each move it waits until the highlight count stops changing.
 * Returns the count at the end, back at the top of the page.
 */
export async function scrollThrough(options: {
  windowPass: boolean;
  places: number[];
  settleMs: number;
  maxWaitMs: number;
  /** Stop the window pass once this many highlights (first pieces) are drawn: all the extension found. */
  target?: number;
}): Promise<number> {
  const count = () => {
    let n = document.querySelectorAll('mark[data-glossary-id]').length;
    (globalThis.CSS as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights?.forEach(
      (h) => (n += h.size),
    );
    return n;
  };
  // Idle callbacks run only when no task is queued: the extension has finished its chain of slices.
  const idle = () =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 500);
      requestIdleCallback(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  const settle = async () => {
    const started = performance.now();
    let last = count();
    let changedAt = started;
    await new Promise((r) => setTimeout(r, options.settleMs));
    while (performance.now() - started < options.maxWaitMs) {
      const wasIdle = await idle();
      const now = count();
      if (now !== last || !wasIdle) {
        last = now;
        changedAt = performance.now();
      } else if (performance.now() - changedAt >= options.settleMs) break;
    }
  };
  const scroller = document.scrollingElement ?? document.documentElement;
  // The extension draws one screen above and below the viewport: two screens per step leave no gap.
  const step = Math.max(200, window.innerHeight * 2);
  const drawnAll = () => {
    if (options.target === undefined) return false;
    let drawn = document.querySelectorAll('mark[data-glossary-id][data-columnlens-start]').length;
    (globalThis.CSS as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights?.forEach(
      (h) => (drawn += h.size),
    );
    return drawn >= options.target;
  };
  for (let y = 0; options.windowPass && y < scroller.scrollHeight && !drawnAll(); y += step) {
    window.scrollTo(0, y);
    await settle();
  }
  if (options.places.length > 0) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const wanted = [...options.places].sort((a, b) => a - b);
    let offset = 0;
    let next = 0;
    for (let node = walker.nextNode(); node && next < wanted.length; node = walker.nextNode()) {
      const end = offset + (node as Text).data.length;
      if (wanted[next]! < end) {
        node.parentElement?.scrollIntoView({ block: 'center' });
        await settle();
        while (next < wanted.length && wanted[next]! < end) next++;
      }
      offset = end;
    }
  }
  window.scrollTo(0, 0);
  await settle();
  return count();
}
