/**
 * How the matcher reads a name: the folded key it compares with page text, as the scanner reads
 * that text (case, width and script folded, invisible characters dropped, spaces collapsed, and
 * none where Chinese meets Latin), and the length it counts. The editor reads names the same way.
 */
import { foldUnit, IGNORABLE } from './fold';
import { joinsAcrossSpace } from './word-kind';

const IGNORABLE_CODES = new Set([...IGNORABLE].map((c) => c.charCodeAt(0)));

/**
 * Normalises a name the way the scanner reads text: folded, ignorable characters dropped,
 * whitespace runs collapsed to one space (none between Chinese and Latin: "AI 晶片" is
 * "ai晶片"), trimmed. Returns the folded key and the same
 * characters unfolded (for case checks); both have the same length.
 */
export function normalizeName(text: string): { key: string; kept: string } {
  const key: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (IGNORABLE_CODES.has(c)) continue;
    const f = foldUnit(c);
    if (f === 0x20 && (key.length === 0 || key[key.length - 1] === 0x20)) continue;
    // A space between Chinese and a Latin letter or digit reads as nothing (segment-break.ts).
    if (key.length >= 2 && key[key.length - 1] === 0x20 && spacelessBetween(key, f, text.codePointAt(i)!)) {
      key.pop();
      kept.pop();
    }
    key.push(f);
    kept.push(f === 0x20 ? 0x20 : c);
  }
  if (key[key.length - 1] === 0x20) {
    key.pop();
    kept.pop();
  }
  return { key: String.fromCharCode(...key), kept: String.fromCharCode(...kept) };
}

/**
 * Whether a space at the end of `key` (folded units so far) stands between Chinese and Latin,
 * with `next` (folded unit; `nextCodePoint` whole) after it: the spaces the scanner skips.
 */
function spacelessBetween(key: readonly number[], next: number, nextCodePoint: number): boolean {
  const before = codePointEndingWith(key[key.length - 3], key[key.length - 2]!);
  return joinsAcrossSpace(before, next >= 0xd800 && next <= 0xdbff ? nextCodePoint : next);
}

/**
 * Folded text without the spaces that `normalizeName` drops between Chinese and a Latin
 * letter or digit: the editor compares and searches names as the matcher reads them.
 */
export function withoutScriptChangeSpaces(folded: string): string {
  let out = '';
  let from = 0;
  for (let i = folded.indexOf(' '); i >= 0; i = folded.indexOf(' ', i + 1)) {
    const before = codePointEndingAt(folded, i);
    const after = folded.codePointAt(i + 1);
    if (before === undefined || after === undefined || !joinsAcrossSpace(before, after)) continue;
    out += folded.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? folded : out + folded.slice(from);
}

/** The code point that ends just before `index` (a surrogate pair read whole), if any. */
function codePointEndingAt(text: string, index: number): number | undefined {
  if (index === 0) return undefined;
  return codePointEndingWith(index >= 2 ? text.charCodeAt(index - 2) : undefined, text.charCodeAt(index - 1));
}

/** The code point that the unit `last` ends: with `previous`, the pair they make, else `last` alone. */
function codePointEndingWith(previous: number | undefined, last: number): number {
  if (last < 0xdc00 || last > 0xdfff || previous === undefined || previous < 0xd800 || previous > 0xdbff) return last;
  return (previous - 0xd800) * 0x400 + (last - 0xdc00) + 0x10000;
}

/**
 * How many characters of `name` the matcher actually compares (code points of its normalised
 * key: invisible characters dropped, space runs counted once). The schema and the editor
 * refuse names below 2 by this count, so "a" plus a zero-width space is the one-letter name
 * it reads as, not a two-character one.
 */
export function matchedLength(name: string): number {
  return [...normalizeName(name).key].length; // code points: one astral character is one character
}
