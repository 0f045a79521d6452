/**
 * Line breaks in the HTML source between two Chinese or Japanese characters.
 *
 * Chinese text has no spaces between words, so a page whose source wraps a paragraph
 * ("大型語言\n模型") has broken a word, not separated two. CSS Text 3 removes such a segment
 * break (Firefox does; Chromium still shows a space), and the scanner reads the whitespace run
 * around it as nothing, so the name is found either way. Only HTML whitespace counts (what
 * source wrapping produces), only a run that holds a line break, and only between characters
 * of scripts written without spaces: Hangul is left out, as CSS leaves it out, because Korean
 * separates words with spaces.
 */
import { CLASS_IGNORE, codePointBefore } from './class-table';
import { KIND_CJK, wordKind } from './word-kind';

/** Whether a unit is HTML whitespace (what source wrapping produces), where a segment break's run may lie. */
export const isHtmlSpace = (unit: number) =>
  unit === 0x20 || unit === 0x0a || unit === 0x0d || unit === 0x09 || unit === 0x0c;

/** Whether a code point is one of the wide scripts whose segment breaks CSS removes. */
function joinsAcrossBreak(codePoint: number): boolean {
  // Below U+2E80 nothing is Han, kana or Bopomofo: English text answers here, without a lookup.
  if (codePoint < 0x2e80) return false;
  if ((codePoint >= 0xac00 && codePoint <= 0xd7ff) || (codePoint >= 0x3130 && codePoint <= 0x318f)) return false;
  return wordKind(codePoint) === KIND_CJK;
}

/**
 * Where the whitespace run starting at `at` ends, if it is a removable segment break (a line
 * break in it, a joining character on each side), else -1. `at` is the run's first unit.
 */
export function segmentBreakEnd(text: string, classOf: Uint16Array, at: number): number {
  // -1 (nothing before the run) joins nothing.
  if (!joinsAcrossBreak(codePointBefore(text, classOf, at))) return -1;
  let lineBreak = false;
  let j = at;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x0a || c === 0x0d) lineBreak = true;
    else if (!isHtmlSpace(c) && classOf[c] !== CLASS_IGNORE) break;
  }
  return lineBreak && j < text.length && joinsAcrossBreak(text.codePointAt(j)!) ? j : -1;
}

/**
 * Where the removable segment break that ends just before `end` starts, else -1: the scanner's
 * reading walked backwards, for finding where a match that spans one begins.
 */
export function segmentBreakStart(text: string, classOf: Uint16Array, end: number): number {
  let start = end;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (!isHtmlSpace(c) && classOf[c] !== CLASS_IGNORE) break;
    start--;
  }
  // Ignorables on the run's edges belong to the characters beside it, as the scanner reads them.
  while (start < end && classOf[text.charCodeAt(start)] === CLASS_IGNORE) start++;
  if (start === end || !isHtmlSpace(text.charCodeAt(start))) return -1;
  return segmentBreakEnd(text, classOf, start) === end ? start : -1;
}
