/**
 * Per-alias rules applied to a raw automaton hit: word boundaries, the English plural "s",
 * exact case for case-sensitive aliases, and no Latin name inside a web or e-mail address.
 * Only hits reach this code, so it favours clarity.
 */
import { CLASS_IGNORE, codePointBefore } from './class-table';
import { Flag } from './patterns';
import { isHtmlSpace, segmentBreakEnd, segmentBreakStart } from './segment-break';
import { isInsideAddress } from './web-address';
import { KIND_ALPHA, KIND_CJK, wordKind } from './word-kind';

/** Returns where the accepted match ends (past a plural "s") or -1 if the alias's rules reject it. */
export function acceptEnd(
  text: string,
  classOf: Uint16Array,
  spaceClass: number,
  start: number,
  end: number,
  flags: number,
  caseText: string,
): number {
  if (flags & Flag.Left && blocks(codePointBefore(text, classOf, start), flags & Flag.LeftCjk)) return -1;
  let matchEnd = end;
  if (flags & Flag.Right) {
    const after = indexAfter(text, classOf, end);
    if (after < text.length && blocks(text.codePointAt(after)!, flags & Flag.RightCjk)) {
      // "LLMs", "GPUs", "H100s": a plural s belongs to the word, so the highlight covers it.
      // (A possessive needs nothing: the apostrophe in "Nvidia's" is already a boundary.)
      matchEnd = flags & Flag.Plural ? pluralEnd(text, classOf, after) : -1;
      if (matchEnd < 0) return -1;
    }
  }
  if (flags & Flag.CaseSensitive && !sameCase(text, classOf, spaceClass, start, caseText)) return -1;
  // Only the Latin sides of a name: one that asks for matches inside words asked for these too.
  const latinLeft = (flags & (Flag.Left | Flag.LeftCjk)) === Flag.Left;
  const latinRight = (flags & (Flag.Right | Flag.RightCjk)) === Flag.Right;
  if ((latinLeft || latinRight) && isInsideAddress(text, start, matchEnd, latinLeft, latinRight)) return -1;
  return matchEnd;
}

/**
 * Where an excluded phrase's occurrence ends: past a plural "s" when the phrase ends in a
 * letter, as an alias's match does, so that "bargaining chip" keeps "chip" out of
 * "bargaining chips" too.
 */
export function exclusionEnd(text: string, classOf: Uint16Array, end: number): number {
  const last = codePointBefore(text, classOf, end);
  if (last < 0 || !blocks(last, 0)) return end;
  const plural = pluralEnd(text, classOf, indexAfter(text, classOf, end));
  return plural < 0 ? end : plural;
}

/**
 * Where a plural "s" at `after` (the first character after a word) ends the word, or -1 if
 * there is no s there or a letter follows it ("GPUs", not "GPUsx").
 */
function pluralEnd(text: string, classOf: Uint16Array, after: number): number {
  if (after >= text.length || !isLetterS(text.charCodeAt(after))) return -1;
  const beyond = indexAfter(text, classOf, after + 1);
  return beyond < text.length && blocks(text.codePointAt(beyond)!, 0) ? -1 : after + 1;
}

const isLetterS = (c: number) => c === 0x73 || c === 0x53 || c === 0xff53 || c === 0xff33;

/** Whether a neighbouring character joins the alias into a longer word. */
function blocks(codePoint: number, cjkSide: number): boolean {
  if (codePoint < 0) return false;
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20; // hits are frequent in big glossaries: answer ASCII directly
    return (lower >= 0x61 && lower <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39);
  }
  const kind = wordKind(codePoint);
  return kind === KIND_ALPHA || (kind === KIND_CJK && cjkSide !== 0);
}

/** The first index from `index` on that is not ignorable (nor, with `spaces`, HTML whitespace). */
function indexAfter(text: string, classOf: Uint16Array, index: number, spaces = false): number {
  let j = index;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (classOf[c] !== CLASS_IGNORE && !(spaces && isHtmlSpace(c))) break;
  }
  return j;
}

/** Case signature: 1 upper, 2 lower, 0 caseless. */
function caseOf(ch: string): number {
  if (ch !== ch.toLowerCase()) return 1;
  return ch !== ch.toUpperCase() ? 2 : 0;
}

/** Whether the text from `start` has the alias's letter case, character by character. */
function sameCase(text: string, classOf: Uint16Array, spaceClass: number, start: number, alias: string): boolean {
  const isSkipped = (j: number) => {
    const k = classOf[text.charCodeAt(j)];
    return k === spaceClass || k === CLASS_IGNORE;
  };
  let j = start;
  for (let u = 0; u < alias.length; u++, j++) {
    while (classOf[text.charCodeAt(j)] === CLASS_IGNORE) j++;
    // Whitespace the scanner read as nothing ("AI 晶片" for the alias "AI晶片") has no unit in the alias.
    if (isHtmlSpace(text.charCodeAt(j)) && alias.charCodeAt(u) !== 0x20) {
      const after = segmentBreakEnd(text, classOf, j);
      if (after >= 0) j = after;
    }
    if (caseOf(text[j]!) !== caseOf(alias[u]!)) return false;
    // One space in the alias stands for a run of spaces in the text.
    if (classOf[text.charCodeAt(j)] === spaceClass) while (j + 1 < text.length && isSkipped(j + 1)) j++;
  }
  return true;
}

/** Walks back `units` pattern characters from `end`, reading text as the scanner does. */
export function startOf(text: string, classOf: Uint16Array, spaceClass: number, end: number, units: number): number {
  let j = end;
  while (units > 0) {
    j--;
    const k = classOf[text.charCodeAt(j)]!;
    if (k === CLASS_IGNORE) continue;
    if (isHtmlSpace(text.charCodeAt(j))) {
      // Whitespace read as nothing (segment-break.ts) counts no unit.
      const breakStart = segmentBreakStart(text, classOf, indexAfter(text, classOf, j + 1, true));
      if (breakStart >= 0) {
        j = breakStart;
        continue;
      }
    }
    if (k === spaceClass) {
      while (j > 0) {
        const before = classOf[text.charCodeAt(j - 1)]!;
        if (before !== spaceClass && before !== CLASS_IGNORE) break;
        j--;
      }
    }
    units--;
  }
  return j;
}
