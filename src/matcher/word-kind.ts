/**
 * Word classes for boundary checks. Latin-script aliases need word boundaries (OpenAI must not
 * match inside OpenAIRE), but Chinese running text has no spaces, so a Han character next to a
 * Latin alias is a boundary ("英伟达H20" contains H20).
 */

/** Not part of a word: spaces, punctuation, symbols. */
export const KIND_NONE = 0;
/** Letters, digits and marks of alphabetic scripts (Latin, Greek, Cyrillic, …). */
export const KIND_ALPHA = 1;
/** Han, kana and Hangul: scripts written without spaces between words. */
export const KIND_CJK = 2;

const WORD = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}]/u;

// Cache for BMP code points: 0 = not computed yet, otherwise kind + 1.
const cache = new Uint8Array(0x10000);

function classify(ch: string): number {
  if (!WORD.test(ch)) return KIND_NONE;
  return CJK.test(ch) ? KIND_CJK : KIND_ALPHA;
}

/** The word kind of a code point (computed on demand: only match edges are ever asked). */
export function wordKind(codePoint: number): number {
  if (codePoint > 0xffff) return classify(String.fromCodePoint(codePoint));
  const cached = cache[codePoint]!;
  if (cached !== 0) return cached - 1;
  const kind = classify(String.fromCharCode(codePoint));
  cache[codePoint] = kind + 1;
  return kind;
}

/**
 * Whether a code point is of a script written without spaces between words: Han, kana,
 * Bopomofo. Hangul is left out, because Korean separates words with spaces.
 */
export function isSpacelessScript(codePoint: number): boolean {
  // Below U+2E80 nothing is Han, kana or Bopomofo: English text answers here, without a lookup.
  if (codePoint < 0x2e80) return false;
  if ((codePoint >= 0xac00 && codePoint <= 0xd7ff) || (codePoint >= 0x3130 && codePoint <= 0x318f)) return false;
  return wordKind(codePoint) === KIND_CJK;
}

/**
 * Whether a space between two folded characters (code points) reads as nothing: one is of a
 * script written without spaces, the other a Latin letter or digit ("ai 晶片" is "ai晶片").
 * Names and the editor's search read folded text so; the scanner, reading the page's own
 * characters, asks its class table which are letters (segment-break.ts).
 */
export function joinsAcrossSpace(before: number, after: number): boolean {
  return isSpacelessScript(before) ? isWordStartUnit(after) : isWordStartUnit(before) && isSpacelessScript(after);
}

/**
 * Folded units that count as letters for the scanner's word-start marker: ASCII letters and
 * digits and the Latin-1 / Latin Extended letters. Deliberately a subset of KIND_ALPHA (the
 * boundary rules stay authoritative); the marker only lets Latin names start at word starts,
 * so the automaton idles at its root through the rest of each word.
 */
export function isWordStartUnit(unit: number): boolean {
  if (unit < 0x80)
    return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
  return unit >= 0xc0 && unit <= 0x24f && unit !== 0xd7 && unit !== 0xf7;
}
