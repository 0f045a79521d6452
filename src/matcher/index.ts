/**
 * Finds glossary terms in page text across scripts (Traditional / Simplified), widths and cases.
 * Pure TypeScript with no DOM access, so it runs in content scripts, the background and Node tests.
 *
 * Matching rules, in short (tests/unit/matcher/rules.test.ts has a case for each):
 * - Text and names are compared after `fold` (T→S incl. TW/HK variants, full-width → ASCII,
 *   hyphens → '-', spaces → ' ', ’ → ', lower case); soft hyphens and zero-width characters are
 *   skipped and a run of whitespace reads as one space.
 * - A name side that is a Latin letter or digit needs a word boundary there (letters and digits
 *   of alphabetic scripts join words; Han, kana, Hangul and punctuation do not). `wholeWord`
 *   overrides: false = match anywhere, true = boundary on both sides, Han counting as a letter.
 * - Case-sensitive names match only the exact case; they take precedence over case-insensitive
 *   names that fold the same.
 * - English plurals: a case-insensitive Latin name may be followed by "s" ("LLMs", "H100s"); the
 *   highlight includes the "s" because it is part of the word. Possessives need no rule: in
 *   "Nvidia's" the apostrophe is a boundary, and the highlight covers "Nvidia" only.
 * - An occurrence inside one of its entry's `exclude` phrases is dropped (百川 in 海納百川).
 * - Overlaps resolve leftmost-longest: 百川智能 beats 百川, Alibaba Cloud beats Alibaba.
 */
export { fold } from './fold';
export { buildFoldTableOnFirstUse } from './fold-build';
export { matchedLength, withoutScriptChangeSpaces } from './name-key';
export type { MatcherEntry } from './patterns';
export type { Match } from './selection';
export type { SerializedMatcher } from './serialize';
export { compileMatcher, countMatches, loadMatcher, loadMatcherSteps, type Matcher } from './matcher';
