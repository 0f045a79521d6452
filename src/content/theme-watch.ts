/**
 * Telling when a page may have changed its colours. A site's dark-mode switch sets a class or
 * an attribute on `<html>` or `<body>`, and a page that follows the system's theme changes
 * with it (`prefers-color-scheme`). Only those two elements are observed, attributes alone:
 * a page's other changes cost nothing here.
 */
import { afterNextFrame } from './after-frame';

/**
 * Calls `changed` once after the next rendered frame that follows one or more such changes,
 * when the page's new style has been computed (reading a colour then forces no style work).
 * Returns the way to stop.
 */
export function watchThemeChanges(doc: Document, win: Window & typeof globalThis, changed: () => void): () => void {
  let waiting = false;
  let stopped = false;
  const afterFrame = () => {
    waiting = false;
    if (!stopped) changed();
  };
  const soon = () => {
    if (waiting) return;
    waiting = true;
    afterNextFrame(win, afterFrame);
  };
  const observer = new win.MutationObserver(soon);
  observer.observe(doc.documentElement, { attributes: true });
  if (doc.body) observer.observe(doc.body, { attributes: true });
  const scheme = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : undefined;
  scheme?.addEventListener('change', soon);
  return () => {
    observer.disconnect();
    scheme?.removeEventListener('change', soon);
    stopped = true;
  };
}
