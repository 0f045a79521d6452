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
import { fnv1a } from './fnv';
import { HAN_FOLD_PAIRS, HAN_FOLD_PAIRS_HASH } from './script-data.generated';
import { runSteps, type Steps } from './steps';

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

/**
 * Ranges of scripts that have case. Only these are lower-cased: walking the whole BMP through
 * toLowerCase would cost a content script tens of milliseconds at start-up.
 */
const CASED_RANGES: readonly [number, number][] = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x370, 0x52f],
  [0x10a0, 0x10cf],
  [0x1e00, 0x1fff],
  [0x2c00, 0x2c7f],
  [0xa640, 0xa7ff],
];

/**
 * The fold as deltas: fold(c) = (c + deltas[c]) & 0xffff. Zero means "unchanged", so the array
 * starts out right for almost every unit without a pass over all 65,536 of them; a content
 * script pays for building it on every page.
 */
let deltas: Uint16Array | undefined;
let changes: Uint32Array | undefined;

/** Characters of HAN_FOLD_PAIRS decoded per step (the whole string is some 17,000). */
const DECODE_STEP = 2_048;

/**
 * Decodes HAN_FOLD_PAIRS (format: tests/tools/build-script-data.ts) in one pass over its
 * characters, pausing every DECODE_STEP of them.
 */
function* decodeHanPairs(set: (unit: number, fold: number) => void): Steps<void> {
  let source = 0;
  let gap = 0;
  let diff = 0;
  let sign = 0; // 0 while reading the gap, then +1 or -1 while reading the difference
  const text = HAN_FOLD_PAIRS;
  for (let i = 0; i <= text.length; i++) {
    if (i % DECODE_STEP === DECODE_STEP - 1) yield;
    const c = i < text.length ? text.charCodeAt(i) : 0x2c;
    if (c === 0x2c) {
      source += sign === 0 || gap === 0 ? 1 : gap;
      set(source, source + sign * diff);
      gap = diff = sign = 0;
    } else if (c === 0x2b || c === 0x2d) {
      sign = c === 0x2b ? 1 : -1;
    } else {
      const digit = c <= 0x39 ? c - 0x30 : c - 0x57; // base 36, lower case
      if (sign === 0) gap = gap * 36 + digit;
      else diff = diff * 36 + digit;
    }
  }
}

/**
 * Builds the fold table, pausing between pieces of a few milliseconds: a content script
 * builds it first thing when it loads its glossary, and in one piece it was a 20 ms step of
 * a loading slice (traced, on a slow and busy machine).
 */
function* buildSteps(): Steps<Uint16Array> {
  const d = new Uint16Array(0x10000);
  const touched: number[] = [];
  const set = (c: number, f: number) => {
    d[c] = (f - c) & 0xffff;
    touched.push(c);
  };
  yield* decodeHanPairs(set);
  for (let c = 0xff01; c <= 0xff5e; c++) set(c, c - 0xfee0);
  for (const [units, f] of [
    [HYPHENS, 0x2d],
    [SPACES, 0x20],
    [APOSTROPHES, 0x27],
    [MIDDLE_DOTS, 0xb7],
  ] as const) {
    for (let i = 0; i < units.length; i++) set(units.charCodeAt(i), f);
  }
  yield;
  // Case last, on the already folded value. Nothing folds into a cased range from outside it
  // except full-width capitals, which go straight to lower-case ASCII.
  // A range at a time: lower-casing runs through the engine's Unicode tables, slow when cold.
  for (const [lo, hi] of CASED_RANGES) {
    lowerRange(d, lo, hi, set);
    yield;
  }
  for (let c = 0xff21; c <= 0xff3a; c++) set(c, c - 0xfee0 + 0x20);

  const sorted = Uint16Array.from(touched).sort(); // native numeric sort: no comparator calls
  yield;
  const list: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    if ((i === 0 || c !== sorted[i - 1]) && d[c] !== 0) list.push(c * 0x10000 + ((c + d[c]!) & 0xffff));
  }
  // Both set at the end: no use between the steps ever sees a table half built.
  changes = Uint32Array.from(list);
  deltas = d;
  return d;
}

/**
 * Bump when how the table is built changes (a new rule, a new range) while its data strings
 * stay the same: `foldSourceFingerprint` then changes, and stored tables are built afresh.
 */
const FOLD_BUILD_VERSION = 1;

let sourceFingerprint: string | undefined;

/**
 * A fingerprint of what the fold table is built from (the Han pairs, the other folds, the cased
 * ranges), cheap to take without building it: a table stored with the same fingerprint is the
 * table this code would build, in the same browser (lower-casing comes from its engine).
 */
export function foldSourceFingerprint(): string {
  // The Han pairs (17,000 characters) by the hash generated with them: hashing them here cost
  // a cold page some milliseconds. The unit test of the generated file keeps the two in step.
  sourceFingerprint ??= `${FOLD_BUILD_VERSION}.${fnv1a(
    [HAN_FOLD_PAIRS_HASH, HYPHENS, SPACES, APOSTROPHES, MIDDLE_DOTS, CASED_RANGES.join(';')].join('\u0000'),
  ).toString(16)}`;
  return sourceFingerprint;
}

/** Whether this realm has its fold table (built or adopted). */
export function hasFoldTable(): boolean {
  return deltas !== undefined;
}

/**
 * Takes a fold table stored by the background (`foldChanges()` of the same source, see
 * `foldSourceFingerprint`) instead of building one: a few thousand entries set in well under a
 * millisecond, against 7–11 ms to build it cold, which every page and frame paid at start.
 * False, and nothing done, if this realm has a table already; the caller checks the list first.
 */
export function adoptFoldChanges(list: Uint32Array): boolean {
  if (deltas) return false;
  const d = new Uint16Array(0x10000);
  for (let i = 0; i < list.length; i++) {
    const c = list[i]! >>> 16;
    d[c] = ((list[i]! & 0xffff) - c) & 0xffff;
  }
  changes = list;
  deltas = d;
  return true;
}

/** Builds the fold table at once: the first use when nobody prepared it. */
const build = (): Uint16Array => runSteps(buildSteps());

/**
 * Builds the fold table in bounded steps unless it exists already, so a caller that can pause
 * (a content script loading its matcher) never pays for it in one piece.
 */
export function* prepareFold(): Steps<void> {
  if (!deltas) yield* buildSteps();
}

/** Lower-cases lo … hi in slices of 64 with one toLowerCase call each where lengths allow. */
function lowerRange(d: Uint16Array, lo: number, hi: number, set: (c: number, f: number) => void): void {
  for (let start = lo; start <= hi; start += 64) {
    const end = Math.min(hi, start + 63);
    const units: number[] = [];
    for (let c = start; c <= end; c++) units.push((c + d[c]!) & 0xffff);
    const slice = String.fromCharCode(...units);
    const lower = slice.toLowerCase();
    for (let c = start; c <= end; c++) {
      const unit = units[c - start]!;
      // A slice holding a character whose lower case is longer ('İ') is done one by one.
      const l = lower.length === slice.length ? lower.charCodeAt(c - start) : oneUnitLower(unit);
      if (l !== unit) set(c, l);
    }
  }
}

function oneUnitLower(unit: number): number {
  const lower = String.fromCharCode(unit).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : unit;
}

/** The fold of one UTF-16 unit. */
export function foldUnit(unit: number): number {
  return (unit + (deltas ?? build())[unit]!) & 0xffff;
}

/**
 * Every unit that folds to something else, as unit * 65536 + fold, ascending: a few thousand
 * entries that let a matcher fill its class table without walking all 65,536 units.
 */
export function foldChanges(): Uint32Array {
  if (!deltas) build();
  return changes!;
}

/** Folds text for comparison; the result has exactly the same length as the input. */
export function fold(text: string): string {
  const d = deltas ?? build();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c + d[c]!; // Uint16Array stores it modulo 65536
  }
  // Decode in slices: String.fromCharCode(...hugeArray) would overflow the call stack.
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.subarray(i, i + 8192));
  return s;
}
