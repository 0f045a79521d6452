/**
 * Finds glossary terms in page text across scripts (Traditional / Simplified), widths and cases.
 * Pure TypeScript with no DOM access, so it runs in content scripts, the background and Node tests.
 */
export { fold } from './fold';
export type { MatcherEntry } from './patterns';
export type { Match } from './selection';
export type { SerializedMatcher } from './serialize';
export { compileMatcher, countMatches, loadMatcher, type Matcher } from './matcher';
