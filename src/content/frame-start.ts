/**
 * When a frame's script starts its work. A news page carries frames the reader never sees
 * (hidden trackers, ads below the fold), and each one that ColumnLens starts in loads the
 * glossary, builds the matcher's tables and reads its document: 11–14 ms of CPU per small
 * frame, measured on a page of 20 same-origin ad-sized frames (270 ms in all, traced), most of
 * it on the page's own main thread. So a frame starts once it is shown within a screen of the
 * reader's view; the top document always starts at once.
 */

/** How far outside the view a frame starts (honoured for same-origin frames; others start when seen). */
const NEAR_VIEW = '100% 0px';

/**
 * Resolves true once `doc`'s frame is shown near the view (at once for the top document),
 * false if `signal` aborts first. Uses the window's IntersectionObserver, whose implicit root
 * is the top-level viewport, so frames inside frames are measured where the reader sees them.
 */
export function whenFrameNearView(
  doc: Document,
  win: Window & typeof globalThis,
  signal: AbortSignal,
): Promise<boolean> {
  if (win === win.top) return Promise.resolve(true);
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (shown: boolean) => {
      observer.disconnect();
      documentWatch.disconnect();
      signal.removeEventListener('abort', abort);
      resolve(shown);
    };
    const abort = () => done(false);
    const observer = new win.IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) done(true);
      },
      { rootMargin: NEAR_VIEW },
    );
    // The page may replace the root element (document.open() in an about:blank frame it
    // fills): the new one is observed instead.
    let observed: Element | null = null;
    const observeRoot = () => {
      const root = doc.documentElement;
      if (root === observed) return;
      if (observed) observer.unobserve(observed);
      observed = root;
      if (root) observer.observe(root);
    };
    const documentWatch = new win.MutationObserver(observeRoot);
    documentWatch.observe(doc, { childList: true });
    observeRoot();
    signal.addEventListener('abort', abort);
  });
}
