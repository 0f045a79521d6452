/**
 * Reading a whole page, or a shadow tree found on it. A large region is first checked for
 * names without a walk (name-free-check.ts); when it names nothing, only the open shadow
 * trees inside it, which its text leaves out, are read. Everything else goes to the walk.
 */
import { namesNothing, openShadowRootsIn } from './name-free-check';
import type { PageState } from './page-state';
import { readRegion, type DisplayFilters, type GlossaryView, type ReadHooks } from './reader';
import { estimatedTextPerElement } from './text-per-element';

/**
 * When a region is checked. The check saves handing the script every element, and scans the
 * text about as the walk does (twice where a script or style sheet holds a match). So it pays
 * on a region of many elements with little text each (the 76k-element corpus page has 3.6
 * characters per element) and not where text dominates (Reddit's saved page 52, the generated
 * news page 95). Below `fromElements` the walk costs a few milliseconds anyway.
 */
export interface CheckWhen {
  fromElements: number;
  maxCharsPerElement: number;
  /**
   * Largest region whose gaps are read when its whole text has a loose match. Finding the
   * excluded elements that bound the gaps is one native query, and it cannot pause: 27–83 ms
   * on the corpus's 51k- and 76k-element pages, 5–10 ms on Reddit's 10k (fresh isolated
   * worlds). Above this a region with a loose match is walked, in slices, straight away.
   */
  gapsUpToElements: number;
}

export const CHECK_WHEN: CheckWhen = { fromElements: 4_000, maxCharsPerElement: 20, gapsUpToElements: 15_000 };

function elementsOf(root: Element | ShadowRoot): ArrayLike<Element> {
  // Its length is a native count: no element is handed to the script until one is read.
  return root.nodeType === 1 ? (root as Element).getElementsByTagName('*') : root.querySelectorAll('*');
}

/** Reads `root` into `page`: checked first when large, walked otherwise or when it names something. */
export function* readPage(
  root: Element | ShadowRoot,
  view: GlossaryView,
  filters: DisplayFilters,
  page: PageState,
  hooks: ReadHooks,
  when: CheckWhen = CHECK_WHEN,
): Generator<undefined, void> {
  if (yield* provedNameFree(root, view, when)) {
    const search = openShadowRootsIn(root, hooks.unattachedHost);
    for (;;) {
      const next = search.next();
      if (next.done) {
        if (next.value) return;
        break; // the page moved what the search had reached: walk the region after all
      }
      if (next.value === undefined) {
        yield undefined;
        continue;
      }
      hooks.shadowRoot(next.value);
      yield* readPage(next.value, view, filters, page, hooks, when);
    }
  }
  yield* readRegion(root, false, view, filters, page, hooks);
}

function* provedNameFree(
  root: Element | ShadowRoot,
  view: GlossaryView,
  when: CheckWhen,
): Generator<undefined, boolean> {
  const loose = view.looseScanner;
  if (!loose) return false;
  const list = elementsOf(root);
  const elements = list.length;
  if (elements < when.fromElements) return false;
  // Counting and reading the text each go through the whole region natively (the count alone
  // took 17 ms on the 76k-element page, profiled): a step each, so no task holds both.
  yield undefined;
  // A text-heavy region is told by a sample, before its text is read for nothing.
  if (estimatedTextPerElement(list) > when.maxCharsPerElement) return false;
  const whole = root.textContent ?? '';
  if (whole.length > when.maxCharsPerElement * elements) return false;
  yield undefined;
  return yield* namesNothing(root, { strict: view.scanner, loose }, view.maxMatchLength, whole, {
    readGaps: elements <= when.gapsUpToElements,
  });
}
