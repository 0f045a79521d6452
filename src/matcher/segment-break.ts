/**
 * Whitespace the scanner reads as nothing, because it separates no words.
 *
 * - A line break in the HTML source between two Chinese or Japanese characters. Chinese text
 *   has no spaces between words, so a page whose source wraps a paragraph ("大型語言\n模型") has
 *   broken a word, not separated two. CSS Text 3 removes such a segment break (Firefox does;
 *   Chromium still shows a space). Only a run that holds a line break counts: without one, a
 *   space between Chinese characters is the page's own.
 * - Any run of spaces between a Chinese or Japanese character and a Latin letter or digit.
 *   Taiwan and Hong Kong media space mixed text ("AI 晶片", "中國 AI 公司") where mainland media
 *   and the glossary often do not ("AI晶片"), and both spellings are one name.
 *
 * Only HTML whitespace counts (what source wrapping and typing produce), and only beside
 * scripts written without spaces: Hangul is left out, as CSS leaves it out, because Korean
 * separates words with spaces.
 */
import { CLASS_IGNORE, codePointBefore, WORD_UNIT } from './class-table';
import { isSpacelessScript } from './word-kind';

/** Whether a unit is HTML whitespace (what source wrapping produces), where a segment break's run may lie. */
export const isHtmlSpace = (unit: number) =>
  unit === 0x20 || unit === 0x0a || unit === 0x0d || unit === 0x09 || unit === 0x0c;

/** Whether a code point reads as a Latin letter or digit (the scanner's word units: "A", "ａ", "é", "2"). */
const isLatinUnit = (classOf: Uint16Array, codePoint: number) =>
  codePoint >= 0 && codePoint <= 0xffff && (classOf[codePoint]! & WORD_UNIT) !== 0;

/**
 * Where the whitespace run starting at `at` ends, if the scanner reads it as nothing (see the
 * top of this file), else -1. `at` is the run's first unit.
 */
export function segmentBreakEnd(text: string, classOf: Uint16Array, at: number): number {
  // -1 (nothing before the run) joins nothing.
  const before = codePointBefore(text, classOf, at);
  const wideBefore = isSpacelessScript(before);
  if (!wideBefore && !isLatinUnit(classOf, before)) return -1;
  let lineBreak = false;
  let j = at;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x0a || c === 0x0d) lineBreak = true;
    else if (!isHtmlSpace(c) && classOf[c] !== CLASS_IGNORE) break;
  }
  if (j >= text.length) return -1;
  const after = text.codePointAt(j)!;
  if (isSpacelessScript(after)) return wideBefore ? (lineBreak ? j : -1) : j;
  return wideBefore && isLatinUnit(classOf, after) ? j : -1;
}

/**
 * Where whitespace that the scanner reads as nothing, ending just before `end`, starts, else
 * -1: the scanner's reading walked backwards, for finding where a match that spans it begins.
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
