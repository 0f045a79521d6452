/**
 * A short fingerprint of the folding rules. A serialised automaton stores folded characters, so
 * a cache built with different folding (a new table, a new rule) must be rebuilt, not trusted.
 */
import { foldChanges, IGNORABLE } from './fold';

/** Bump when scanner rules outside the fold table change (word-start units, space handling). */
const SCANNER_RULES_VERSION = 1;

let fingerprint: string | undefined;

/** `<rules version>.<FNV-1a hash of the fold table and ignorables>`, e.g. "1.5f3a9c1e". */
export function foldFingerprint(): string {
  if (fingerprint) return fingerprint;
  // Hashing the changes (every unit that folds to something else) covers the whole table.
  let h = 0x811c9dc5;
  const changes = foldChanges();
  for (let i = 0; i < changes.length; i++) h = Math.imul(h ^ changes[i]!, 0x01000193);
  for (let i = 0; i < IGNORABLE.length; i++) h = Math.imul(h ^ IGNORABLE.charCodeAt(i), 0x01000193);
  fingerprint = `${SCANNER_RULES_VERSION}.${(h >>> 0).toString(16)}`;
  return fingerprint;
}
