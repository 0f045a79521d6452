/**
 * The name-length bounds of a glossary, computed when it is compiled so that pages need
 * neither the aliases nor the exclusion phrases to size their scan windows.
 */
import { everyName } from '../glossary/entry-names';
import { matchedLength } from '../matcher';
import type { NameLengths, RuntimeEntry } from './runtime-entry';

type Named = Pick<RuntimeEntry, 'term' | 'names' | 'aliases' | 'exclude'>;

/** The longest name or exclusion phrase, and the shortest name as the matcher reads it. */
export function nameLengths(entries: readonly Named[]): NameLengths {
  let longest = 0;
  let shortest = Infinity;
  for (const entry of entries) {
    for (const name of everyName(entry)) {
      longest = Math.max(longest, name.length);
      // Counted as the matcher reads it (space runs as one space, invisible characters not at
      // all, one per code point): page text holding the name is at least that many UTF-16 units.
      shortest = Math.min(shortest, matchedLength(name));
    }
    for (const phrase of entry.exclude ?? []) longest = Math.max(longest, phrase.length);
  }
  return { longest, shortest: Number.isFinite(shortest) ? shortest : 0 };
}
