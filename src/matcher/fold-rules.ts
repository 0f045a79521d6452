/**
 * What folds besides the Han pairs (`script-data.generated.ts`): the inputs of the fold table
 * that `fold-build.ts` builds, which every realm also hashes into `foldSourceFingerprint()`.
 */

export const HYPHENS = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';
export const SPACES =
  '\t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
export const APOSTROPHES = '\u2018\u2019\u201b\u2032\uff07';
/** Name separators in transliterated names (梅加·施裡瓦斯塔瓦 / 梅加‧施裡瓦斯塔瓦 / katakana ・). */
export const MIDDLE_DOTS = '\u0387\u2027\u30fb\uff65';

/**
 * Ranges of scripts that have case. Only these are lower-cased: walking the whole BMP through
 * toLowerCase would cost tens of milliseconds.
 */
export const CASED_RANGES: readonly [number, number][] = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x370, 0x52f],
  [0x10a0, 0x10cf],
  [0x1e00, 0x1fff],
  [0x2c00, 0x2c7f],
  [0xa640, 0xa7ff],
];

/**
 * Bump when how the table is built changes (a new rule, a new range) while its data strings
 * stay the same: `foldSourceFingerprint` then changes, and stored tables are built afresh.
 */
export const FOLD_BUILD_VERSION = 1;
