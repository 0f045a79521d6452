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
  let longest = 0;
  let shortest = Infinity;
  const categories = matcher.entryIds.map((id) => {
    const entry = byId.get(id);
    if (!entry) return '';
    const names = [entry.term, ...entry.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
    for (const name of names) {
      longest = Math.max(longest, name.length);
      // The matcher reads a run of spaces as one, so the page text can be that short.
      shortest = Math.min(shortest, name.trim().replace(/\s+/g, ' ').length);
    }
    for (const phrase of entry.exclude ?? []) longest = Math.max(longest, phrase.length);
    return entry.category;
  });
  return {
    scanner: matcher,
    entryIds: matcher.entryIds,
    categories,
    maxMatchLength: 2 * longest + OVERLAP_SLACK,
    minMatchLength: Number.isFinite(shortest) ? Math.max(1, shortest) : 1,
  };
}
