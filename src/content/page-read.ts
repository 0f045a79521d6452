/**
 * Reading a whole page, or a shadow tree found on it. A large region is first checked for
 * names without a walk (name-free-check.ts); when it names nothing, only the open shadow
 * trees inside it, which its text leaves out, are read. Everything else goes to the walk.
 */
import { namesNothing, openShadowRootsIn } from './name-free-check';
import type { PageState } from './page-state';
import { readRegion, type DisplayFilters, type GlossaryView, type ReadHooks } from './reader';

/**
 * Elements from which the check is worth trying. Below this the walk costs a few
 * milliseconds, about what the check costs on a page that does name something (it then
 * reads the text again, by walking).
 */
export const CHECK_FROM_ELEMENTS = 4_000;

function elementCount(root: Element | ShadowRoot): number {
  // A native count: no element is handed to the script.
  return root.nodeType === 1 ? (root as Element).getElementsByTagName('*').length : root.querySelectorAll('*').length;
}

/** Reads `root` into `page`: checked first when large, walked otherwise or when it names something. */
export function* readPage(
  root: Element | ShadowRoot,
  view: GlossaryView,
  filters: DisplayFilters,
  page: PageState,
  hooks: ReadHooks,
  checkFrom = CHECK_FROM_ELEMENTS,
): Generator<undefined, void> {
  const loose = view.looseScanner;
  if (
    loose &&
    elementCount(root) >= checkFrom &&
    (yield* namesNothing(root, { strict: view.scanner, loose }, view.maxMatchLength))
  ) {
    const search = openShadowRootsIn(root);
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
      yield* readPage(next.value, view, filters, page, hooks, checkFrom);
    }
  }
  yield* readRegion(root, false, view, filters, page, hooks);
}
