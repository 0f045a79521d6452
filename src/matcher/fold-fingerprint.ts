/**
 * A short fingerprint of the folding rules. A serialised automaton stores folded characters, so a
 * cache built by another version of the fold table must be rebuilt, not trusted.
 */
import { HAN_FOLD_PAIRS } from './script-data.generated';

/** Bump when the non-table folding rules in fold.ts change. */
const FOLD_RULES_VERSION = 1;

let fingerprint: string | undefined;

/** `<rules version>.<hash of the generated table>`, e.g. "1.5f3a9c1e". */
export function foldFingerprint(): string {
  if (fingerprint) return fingerprint;
  let h = 0x811c9dc5;
  for (let i = 0; i < HAN_FOLD_PAIRS.length; i++) h = Math.imul(h ^ HAN_FOLD_PAIRS.charCodeAt(i), 0x01000193);
  fingerprint = `${FOLD_RULES_VERSION}.${(h >>> 0).toString(16)}`;
  return fingerprint;
}
