/**
 * Telling when a page may have changed its colours. A site's dark-mode switch sets a class or
 * an attribute on an element whose descendants take their colours from it: `<html>`, `<body>`,
 * or a wrapper deeper down (an app's root, an article's container). A theme reaches text only
 * through its ancestors, so the elements watched are the ancestors of the text painted (and
 * `<html>` and `<body>` from the start), attributes alone: a page's other changes cost nothing
 * here. A page that follows the system's theme changes with it (`prefers-color-scheme`).
 */
import { afterNextFrame } from './after-frame';
import { composedParent } from './dom-rules';

export interface ThemeWatch {
  /**
   * Watches the ancestors of `node` too (through the hosts of shadow trees), up to the first
   * already watched: its text changes colour with any of them.
   */
  follow(node: Node): void;
  stop(): void;
}

/**
 * What changed since the last call: the elements whose attributes changed, or `undefined`
 * when the whole page may have (the system's theme, `<html>` or `<body>`).
 */
export type ThemeScope = ReadonlySet<Element> | undefined;

/**
 * Calls `changed` once after the next rendered frame that follows one or more such changes,
 * when the page's new style has been computed (reading a colour then forces no style work).
 */
export function watchThemeChanges(
  doc: Document,
  win: Window & typeof globalThis,
  changed: (scope: ThemeScope) => void,
): ThemeWatch {
  let stopped = false;
  /** Changed since the last call; `undefined` once the whole page may have. */
  let scope: Set<Element> | undefined = new Set();
  let waiting = false;
  const afterFrame = () => {
    const now = scope;
    scope = new Set();
    waiting = false;
    if (!stopped) changed(now);
  };
  const soon = (target?: Element) => {
    if (!target || target === doc.documentElement || target === doc.body) scope = undefined;
    else scope?.add(target);
    if (waiting) return;
    waiting = true;
    afterNextFrame(win, afterFrame);
  };
  const observer = new win.MutationObserver((records) => {
    for (const record of records) soon(record.target as Element);
  });
  const onScheme = () => soon();
  const watched = new WeakSet<Node>();
  const watch = (element: Element) => {
    watched.add(element);
    observer.observe(element, { attributes: true });
  };
  watch(doc.documentElement);
  if (doc.body) watch(doc.body);
  const scheme = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : undefined;
  scheme?.addEventListener('change', onScheme);
  return {
    follow(node) {
      if (stopped) return;
      // Chains share their upper part: a name painted beside another stops at its parent.
      for (let up = composedParent(node); up && !watched.has(up); up = composedParent(up))
        if (up.nodeType === 1) watch(up as Element);
    },
    stop() {
      observer.disconnect();
      scheme?.removeEventListener('change', onScheme);
      stopped = true;
    },
  };
}
