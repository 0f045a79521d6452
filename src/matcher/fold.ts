/**
 * Folding: the per-character normalisation that makes page text and glossary aliases comparable.
 *
 * It works on single UTF-16 units and never changes the length of a string, so an offset in
 * folded text is the same offset in the original text and highlights land exactly on what the
 * reader sees. What folds:
 * - Traditional / Simplified / Taiwan / Hong Kong variant characters to one form (generated table);
 * - full-width ASCII (ＯｐｅｎＡＩ) to ASCII; the hyphen family to '-'; every kind of space, tab
 *   and line break to ' '; curly apostrophes to "'"; name middle dots (‧ ・) to '·';
 * - letters to lower case, where lower-casing keeps one unit ('İ' keeps its case instead of
 *   turning into two units).
 */
import { HAN_FOLD_PAIRS } from './script-data.generated';

const HYPHENS = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';
const SPACES =
  '\t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
const APOSTROPHES = '\u2018\u2019\u201b\u2032\uff07';
/** Name separators in transliterated names (梅加·施裡瓦斯塔瓦 / 梅加‧施裡瓦斯塔瓦 / katakana ・). */
const MIDDLE_DOTS = '\u0387\u2027\u30fb\uff65';

/**
 * Characters that only affect rendering (soft hyphen, zero-width space / joiners, word joiner, BOM).
 * Folding keeps them (length!) but the scanner steps over them, so "Nvi\u00addia" still matches.
 */
export const IGNORABLE = '\u00ad\u200b\u200c\u200d\u2060\ufeff';

/** Ranges of scripts that have case; lower-casing the whole BMP at start-up would cost ~10 ms. */
const CASED_RANGES: readonly [number, number][] = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x370, 0x52f],
  [0x10a0, 0x10cf],
  [0x1e00, 0x1fff],
  [0x2c00, 0x2c7f],
  [0xa640, 0xa7ff],
];

let table: Uint16Array | undefined;

function decodeHanPairs(into: Uint16Array): void {
  let source = 0;
  for (const token of HAN_FOLD_PAIRS.split(',')) {
    const sign = token.search(/[+-]/);
    source += sign === 0 ? 1 : parseInt(token.slice(0, sign), 36);
    const diff = parseInt(token.slice(sign + 1), 36);
    into[source] = source + (token[sign] === '-' ? -diff : diff);
  }
}

/** The fold of every BMP unit, built once per realm (about 1 ms). */
export function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  decodeHanPairs(t);
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (const ch of HYPHENS) t[ch.charCodeAt(0)] = 0x2d;
  for (const ch of SPACES) t[ch.charCodeAt(0)] = 0x20;
  for (const ch of APOSTROPHES) t[ch.charCodeAt(0)] = 0x27;
  for (const ch of MIDDLE_DOTS) t[ch.charCodeAt(0)] = 0xb7;
  // Case last, on the already width-folded value, so 'Ａ' → 'A' → 'a'.
  for (let c = 0; c < 0x10000; c++) {
    const v = t[c]!;
    if (!isCasedCode(v)) continue;
    const lower = String.fromCharCode(v).toLowerCase();
    if (lower.length === 1) t[c] = lower.charCodeAt(0);
  }
  table = t;
  return t;
}

let inverse: { offsets: Int32Array; sources: Uint16Array } | undefined;

/**
 * The inverse of the fold table: the units folding to `f` are sources[offsets[f] … offsets[f + 1] - 1].
 * Lets a matcher fill its per-unit class table from its alphabet alone.
 */
export function foldInverse(): { offsets: Int32Array; sources: Uint16Array } {
  if (inverse) return inverse;
  const t = foldTable();
  const offsets = new Int32Array(0x10001);
  for (let c = 0; c < 0x10000; c++) offsets[t[c]! + 1]!++;
  for (let f = 0; f < 0x10000; f++) offsets[f + 1]! += offsets[f]!;
  const next = offsets.slice(0, 0x10000);
  const sources = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) sources[next[t[c]!]!++] = c;
  inverse = { offsets, sources };
  return inverse;
}

function isCasedCode(c: number): boolean {
  for (const [lo, hi] of CASED_RANGES) if (c >= lo && c <= hi) return true;
  return false;
}

/** Folds text for comparison; the result has exactly the same length as the input. */
export function fold(text: string): string {
  const t = foldTable();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = t[text.charCodeAt(i)]!;
  // Decode in slices: String.fromCharCode(...hugeArray) would overflow the call stack.
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.subarray(i, i + 8192));
  return s;
}
