/**
 * The per-UTF-16-unit class table: one read tells the scanner a character's folded alphabet
 * class (0 = in no pattern) and whether it is a letter or digit (WORD_UNIT, for word starts).
 *
 * A content script builds one per page, so it is filled from the few thousand units that fold
 * to something else (foldChanges) rather than by walking all 65,536 units.
 */
import { foldChanges, foldUnit, IGNORABLE } from './fold';
import { WORD_START } from './patterns';
import type { Steps } from './steps';
import { isWordStartUnit } from './word-kind';

/** Set for letters and digits, before which the scanner may feed the word-start marker. */
export const WORD_UNIT = 0x8000;
/** Class of characters the scanner skips without resetting (soft hyphen, zero-width space). */
export const CLASS_IGNORE = 0x7fff;
/** Classes are 15 bits, beside the WORD_UNIT bit: a glossary may use this many distinct characters. */
export const MAX_ALPHABET = CLASS_IGNORE - 1;

let empty: Uint16Array | undefined;

/** The table of an empty alphabet: WORD_UNIT bits and ignorables. Built once per realm. */
function emptyClassTable(): Uint16Array {
  if (empty) return empty;
  const table = new Uint16Array(0x10000);
  // A unit is a word unit when its fold is one: word-start units all lie below U+0250, so
  // units that fold to themselves need only that range; the others are the fold's changes.
  for (let c = 0; c < 0x250; c++) if (foldUnit(c) === c && isWordStartUnit(c)) table[c] = WORD_UNIT;
  const changes = foldChanges();
  for (let i = 0; i < changes.length; i++) {
    if (isWordStartUnit(changes[i]! & 0xffff)) table[changes[i]! >>> 16] = WORD_UNIT;
  }
  for (const ch of IGNORABLE) table[ch.charCodeAt(0)] = CLASS_IGNORE;
  empty = table;
  return table;
}

/**
 * Builds what every class table starts from (the empty table, from the fold table the realm
 * has by now) in steps of its own, so that building a page's class table afterwards is one
 * short step.
 */
export function* prepareClassTables(): Steps<void> {
  if (empty) return;
  yield;
  emptyClassTable();
  yield;
}

/** Every unit whose fold is alphabet[k - 1] gets class k. Alphabet characters are folded already. */
export function buildClassTable(alphabet: string): Uint16Array {
  const table = emptyClassTable().slice();
  const classOfFolded = new Uint16Array(0x10000);
  const marker = WORD_START.charCodeAt(0);
  for (let k = 1; k <= alphabet.length; k++) {
    const f = alphabet.charCodeAt(k - 1);
    if (f === marker) continue; // only the scanner feeds the marker; a real U+0001 is no match
    classOfFolded[f] = k;
    table[f]! |= k; // a folded character folds to itself
  }
  const changes = foldChanges();
  for (let i = 0; i < changes.length; i++) {
    const k = classOfFolded[changes[i]! & 0xffff]!;
    if (k !== 0) table[changes[i]! >>> 16]! |= k;
  }
  return table;
}

/**
 * The code point before `index`, skipping ignorables as the scanner does and reading a
 * surrogate pair whole; -1 at the text's start. Word boundaries and segment breaks both ask it.
 */
export function codePointBefore(text: string, classOf: Uint16Array, index: number): number {
  let j = index - 1;
  while (j >= 0 && classOf[text.charCodeAt(j)] === CLASS_IGNORE) j--;
  if (j < 0) return -1;
  const c = text.charCodeAt(j);
  if (c >= 0xdc00 && c <= 0xdfff && j > 0) return text.codePointAt(j - 1)!;
  return c;
}
