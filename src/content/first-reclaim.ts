/**
 * Density "first": an entry whose first occurrence went with its container (the page removed
 * it, or rewrote its text) is shown at its next one. Text read before is not read again by
 * itself, so the containers where the entry was counted are read again, in document order,
 * until one of them claims it.
 */
import type { PageState } from './page-state';
import type { DisplayFilters, GlossaryView } from './reader';

/** Containers read again for one entry: where nothing can claim it, not every one is read. */
const MAX_RECLAIM_READS = 16;

export interface ReclaimContext {
  page: PageState;
  view: GlossaryView;
  filters: DisplayFilters;
  /** Forgets what was read in `container` and undraws it. */
  forget(container: Node): void;
  /** Reads `container`'s own runs again. */
  read(container: Node): Generator<undefined, void>;
}

/** Gives each of `entries` whose first occurrence is gone its next one. */
export function* reclaimFirsts(entries: readonly number[], context: ReclaimContext): Generator<undefined, void> {
  const { page, view, filters, forget, read } = context;
  if (filters.density !== 'first') return;
  for (const entry of entries) {
    // A hidden category's entries claim nothing (nor does text where the page keeps taking
    // our highlights back: the cap).
    if (page.hasFirst(entry) || filters.hiddenCategories.has(view.categories[entry] ?? '')) continue;
    for (const container of page.countedIn(entry).slice(0, MAX_RECLAIM_READS)) {
      forget(container);
      yield* read(container);
      if (page.hasFirst(entry)) break;
    }
  }
}
