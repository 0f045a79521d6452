/**
 * The matcher: compile glossary entries once into one automaton, then scan blocks of page text.
 */
import { Automaton, patternLengths } from './automaton';
import { buildAutomaton } from './build-automaton';
import { prepareClassTables } from './class-table';
import { ensureFoldTable } from './fold-build';
import { loosePatterns } from './loose';
import { buildPatternSet, type MatcherEntry } from './patterns';
import { scanContext, scanText } from './scan';
import type { Match } from './selection';
import { runSteps } from './steps';
import { fromSerializedSteps, type MatcherParts, type SerializedMatcher, toSerialized } from './serialize';

/** A compiled glossary. `entryIds[m.entry]` is the id of a match's entry. */
export interface Matcher {
  readonly entryIds: readonly string[];
  /**
   * Matches in `text`: leftmost-longest, non-overlapping, sorted by start; with `from`, only
   * those starting there or after, the text before read as context (see `scanText`).
   */
  scan(text: string, from?: number): Match[];
  /** Plain JSON-safe data for caching; `loadMatcher` turns it back into an identical matcher. */
  serialize(): SerializedMatcher;
  /**
   * The loose scanner (loose.ts), built on first use: it finds every alias whatever surrounds
   * it, so finding nothing proves the text holds no name.
   */
  loose(): Pick<Matcher, 'scan'>;
}

function makeMatcher(parts: MatcherParts, automaton: Automaton, patternLength: Int32Array): Matcher {
  const context = scanContext(automaton, parts.variants, patternLength);
  let loose: Pick<Matcher, 'scan'> | undefined;
  return {
    entryIds: parts.entryIds,
    scan: (text, from) => scanText(context, text, from),
    serialize: () => toSerialized(parts),
    loose: () => (loose ??= compileLoose(parts)),
  };
}

function compileLoose(parts: MatcherParts): Pick<Matcher, 'scan'> {
  const { keys, ...variants } = loosePatterns(parts.automaton, parts.variants);
  if (keys.length === 0) return { scan: () => [] };
  const automaton = buildAutomaton(keys);
  const context = scanContext(automaton, variants, patternLengths(automaton.data, keys.length));
  return { scan: (text, from) => scanText(context, text, from) };
}

/** Compiles entries (term and aliases, with their rules and exclusions) into a matcher. */
export function compileMatcher(entries: readonly MatcherEntry[]): Matcher {
  ensureFoldTable();
  const { keys, ...variants } = buildPatternSet(entries);
  const automaton = buildAutomaton(keys);
  const patternLength = patternLengths(automaton.data, variants.variantStart.length - 1);
  return makeMatcher(
    { entryIds: entries.map((e) => e.id), automaton: automaton.data, variants },
    automaton,
    patternLength,
  );
}

/**
 * Loads a serialised matcher step by step: each `next()` does a bounded slice of the work
 * (a few milliseconds for a 10,000-entry glossary), so a page can yield between steps. The
 * generator returns the matcher, or throws a clear error on malformed or outdated data.
 */
export function* loadMatcherSteps(data: SerializedMatcher): Generator<void, Matcher, void> {
  const parts = yield* fromSerializedSteps(data);
  // The class table (a 64K-entry copy) is the last sizeable piece of work: what it starts
  // from is built in steps of its own first.
  yield* prepareClassTables();
  return makeMatcher(parts, new Automaton(parts.automaton, parts.output), parts.patternLength);
}

/** Loads a serialised matcher at once; throws a clear error on malformed or outdated data. */
export function loadMatcher(data: SerializedMatcher): Matcher {
  return runSteps(loadMatcherSteps(data));
}

/** Occurrences per entry index (for page summaries and relevance). */
export function countMatches(matches: readonly Match[], entryCount: number): Uint32Array {
  const counts = new Uint32Array(entryCount);
  for (const m of matches) if (m.entry >= 0 && m.entry < entryCount) counts[m.entry]!++;
  return counts;
}
