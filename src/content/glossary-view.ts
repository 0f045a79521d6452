/**
 * The active glossary as the highlighter reads it: the matcher plus, by matcher entry index,
 * each entry's id and category, and the bounds that size scan windows and skip short text.
 */
import type { ActiveGlossary } from '../glossary-store/active-glossary';
import type { GlossaryView } from './reader';

/**
 * Scan windows overlap by this much more than the longest name: a match may be longer than
 * its alias in the page, where runs of spaces and zero-width characters are read through.
 */
const OVERLAP_SLACK = 64;

/** Builds the highlighter's view of `glossary`. */
export function glossaryView(glossary: ActiveGlossary): GlossaryView {
  const { matcher, byId } = glossary;
  // Name lengths come precomputed (glossary-store/name-lengths.ts): pages never load the aliases.
  const { longest, shortest } = glossary.nameLengths;
  const categories = matcher.entryIds.map((id) => byId.get(id)?.category ?? '');
  return {
    scanner: matcher,
    looseScanner: () => matcher.loose(),
    entryIds: matcher.entryIds,
    categories,
    maxMatchLength: 2 * longest + OVERLAP_SLACK,
    minMatchLength: Math.max(1, shortest),
  };
}
