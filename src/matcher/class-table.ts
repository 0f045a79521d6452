/**
 * The per-UTF-16-unit class table: one read tells the scanner a character's folded alphabet
 * class (0 = in no pattern) and whether it is a letter or digit (WORD_UNIT, for word starts).
 */
import { foldInverse, foldTable, IGNORABLE } from './fold';
import { WORD_START } from './patterns';
import { isWordStartUnit } from './word-kind';

/** Class of characters the scanner skips without resetting (soft hyphen, zero-width space). */
export const CLASS_IGNORE = 0xffff;
/** Set for letters and digits, before which the scanner may feed the word-start marker. */
export const WORD_UNIT = 0x10000;

let empty: Int32Array | undefined;

/** The table of an empty alphabet: WORD_UNIT bits and ignorables. Built once per realm. */
function emptyClassTable(): Int32Array {
  if (empty) return empty;
  const fold = foldTable();
  const table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isWordStartUnit(fold[c]!)) table[c] = WORD_UNIT;
  for (const ch of IGNORABLE) table[ch.charCodeAt(0)] = CLASS_IGNORE;
  empty = table;
  return table;
}

/** Every unit whose fold is alphabet[k - 1] gets class k (about 0.1 ms: it walks the alphabet, not the BMP). */
export function buildClassTable(alphabet: string): Int32Array {
  const table = emptyClassTable().slice();
  const { offsets, sources } = foldInverse();
  const marker = WORD_START.charCodeAt(0);
  for (let k = 1; k <= alphabet.length; k++) {
    const f = alphabet.charCodeAt(k - 1);
    if (f === marker) continue; // only the scanner feeds the marker; a real U+0001 is no match
    for (let j = offsets[f]!; j < offsets[f + 1]!; j++) table[sources[j]!]! |= k;
  }
  return table;
}
