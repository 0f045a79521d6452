/**
 * A short fingerprint of the folding rules. A serialised automaton stores folded characters, so
 * a cache built with different folding (a new table, a new rule) must be rebuilt, not trusted.
 */
import { fnv1a, fnv1aUnits } from './fnv';
import { foldChanges, IGNORABLE, installFoldTable } from './fold';

/** Bump when scanner rules outside the fold table change (word-start units, space handling). */
const SCANNER_RULES_VERSION = 1;

let fingerprint: string | undefined;

/** `<rules version>.<FNV-1a hash of the fold table and ignorables>`, e.g. "1.5f3a9c1e". */
export function foldFingerprint(): string {
  fingerprint ??= fingerprintOf(foldChanges());
  return fingerprint;
}

/**
 * Takes a stored fold table (see `installFoldTable`) if its changes hash to `expected`, the
 * fingerprint the stored matcher was built with: installed when this realm has none yet, and
 * that is then this realm's fingerprint, known without hashing the table a second time. False
 * when the table does not hash to `expected` (damaged, or not the matcher's).
 */
export function adoptFoldTable(changes: Uint32Array, expected: string): boolean {
  if (fingerprintOf(changes) !== expected) return false;
  if (installFoldTable(changes)) fingerprint = expected;
  return true;
}

/** The fingerprint of a fold table given as its changes (`foldChanges()`). */
function fingerprintOf(changes: Uint32Array): string {
  // Hashing the changes (every unit that folds to something else) covers the whole table.
  return `${SCANNER_RULES_VERSION}.${fnv1a(IGNORABLE, fnv1aUnits(changes)).toString(16)}`;
}
