/**
 * Counts how often the column mentions each entry of a pack, with the product's own matcher
 * (src/matcher): the same folding, word boundaries, exclusions and leftmost-longest rule a
 * reader's page gets. It exists so that `mentions` in the bundled pack is a recount, not a guess:
 * the data test compares the pack against it.
 */
import { compileMatcher, countMatches, type MatcherEntry } from '../../../src/matcher';

/** Occurrences per entry, in the order of `entries`. */
export function countMentions(entries: readonly MatcherEntry[], text: string): number[] {
  const matcher = compileMatcher(entries);
  return Array.from(countMatches(matcher.scan(text), entries.length));
}
