/**
 * An `ActiveGlossary` built straight from runtime entries, with every detail in memory: for
 * tests, scripts and benchmarks that drive the highlighter or tooltip without storage. The
 * extension itself reads the compiled cache (`active-glossary.ts`).
 */
import { compileMatcher, type Matcher } from '../matcher';
import { nameLengths } from './name-lengths';
import type { ActiveGlossary, RuntimeEntry } from './runtime-entry';

/**
 * The glossary of `entries` (ids unique), whole entries in its index too; `matcher` defaults
 * to one compiled from them.
 */
export function inMemoryGlossary(
  version: string,
  entries: readonly RuntimeEntry[],
  matcher: Matcher = compileMatcher(entries),
): ActiveGlossary<RuntimeEntry> {
  const details = new Map(entries.map((e) => [e.id, e]));
  return {
    version,
    entries,
    byId: details,
    matcher,
    nameLengths: nameLengths(entries),
    peekEntry: (id) => details.get(id),
    loadEntry: (id) => Promise.resolve(details.get(id)),
  };
}
