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
  /** Reads `container`'s own runs again (forgetting, as any read does, what was read there). */
  read(container: Node): Generator<undefined, void>;
}

/** Gives each of `entries` whose first occurrence is gone its next one. */
export function* reclaimFirsts(entries: readonly number[], context: ReclaimContext): Generator<undefined, void> {
  const { page, view, filters, read } = context;
  if (filters.density !== 'first') return;
  // A hidden category's entries claim nothing (nor does text where the page keeps taking our
  // highlights back: the cap).
  const wanted = entries.filter(
    (entry) => !page.hasFirst(entry) && !filters.hiddenCategories.has(view.categories[entry] ?? ''),
  );
  if (wanted.length === 0) return;
  // One pass over what was read finds every wanted entry's containers.
  const counted = page.countedIn(wanted);
  yield undefined;
  for (const entry of wanted) {
    for (const container of (counted.get(entry) ?? []).slice(0, MAX_RECLAIM_READS)) {
      if (page.hasFirst(entry)) break;
      if (container.isConnected) yield* read(container);
    }
  }
}
