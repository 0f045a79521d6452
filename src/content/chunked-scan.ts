/**
 * Scanning very long text in windows. A 5 MB text node scanned in one call would block the
 * page for longer than any task may take, so long text is read window by window, each
 * window a separate step of the scheduler. Pure: no DOM.
 *
 * Why the result equals one scan of the whole text: each window reaches `overlap` characters,
 * as the matcher reads them (a run of spaces as one, invisible ones not at all), past its
 * boundary, so every match that starts before the boundary is seen whole and kept; the next
 * window starts at the boundary or after the last kept match, a position no match covers,
 * where a leftmost-longest scan restarts exactly as it would have continued. Each window is
 * scanned with the text around it as context, as far as any rule looks (an address's scheme
 * 512 characters back, an excluded phrase begun before the window), and keeps only the
 * matches that start within it.
 */
// What the matcher steps over without reading (soft hyphen, zero-width characters, BOM).
import { IGNORABLE } from '../matcher/fold';
import { RULE_REACH } from '../matcher/web-address';

/** A match as the matcher reports it: offsets into the scanned text, entry index, everyday word or not. */
export interface ScanMatch {
  start: number;
  end: number;
  entry: number;
  generic?: true;
}

/** What the highlighter needs from the matcher (`src/matcher` Matcher fits). */
export interface TextScanner {
  /** Matches starting at `from` or after; the text before it is read as context only. */
  scan(text: string, from?: number): readonly ScanMatch[];
}

/** Text up to this length is scanned in one call (about a millisecond of matching). */
export const WINDOW_LENGTH = 32_768;
/** How far to look for a separator before cutting mid-word. */
const SEARCH_SEPARATOR = 256;
const SEPARATOR = /[\s,.;:!?()[\]{}"“”‘’<>|/\\，。、；：！？「」『』（）《》〈〉【】…—]/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A cut position at or after `target`: after a separator if one is near, never inside a surrogate pair. */
export function windowBoundary(text: string, target: number): number {
  const limit = Math.min(text.length, target + SEARCH_SEPARATOR);
  for (let i = target; i < limit; i++) {
    if (SEPARATOR.test(text[i - 1]!)) return i;
  }
  let cut = Math.min(target, text.length);
  if (cut < text.length && isHighSurrogate(text.charCodeAt(cut - 1))) cut++;
  return cut;
}

const SPACE = /\s/;

/**
 * Where `text` is, from `at`, after `count` characters read as the matcher reads them, going
 * forward (`step` 1) or back (-1): a run of spaces counts once and invisible characters not
 * at all, so a name written with 300 spaces in it is still within reach.
 */
export function readingReach(text: string, at: number, count: number, step: 1 | -1): number {
  let i = at;
  let previousSpace = false;
  for (let left = count; left > 0;) {
    const j = step === 1 ? i : i - 1;
    if (j < 0 || j >= text.length) break;
    const c = text[j]!;
    const space = SPACE.test(c);
    if (!(space && previousSpace) && !IGNORABLE.includes(c)) left--;
    previousSpace = space;
    i += step;
  }
  return i;
}

/**
 * Yields the matches of `text` window by window (offsets into `text`); their concatenation is
 * the scan of the whole text. `maxMatchLength` bounds every alias and exclusion phrase;
 * `context` is how far beyond a name the scanner's rules read (tests of small windows shrink
 * both).
 */
export function* scanInWindows(
  scanner: TextScanner,
  text: string,
  maxMatchLength: number,
  windowLength = WINDOW_LENGTH,
  context = RULE_REACH,
): Generator<ScanMatch[], void> {
  const overlap = maxMatchLength + 1;
  if (text.length <= windowLength + overlap) {
    yield scanner.scan(text).slice();
    return;
  }
  let from = 0;
  while (from < text.length) {
    let boundary = windowBoundary(text, from + windowLength);
    const reach = readingReach(text, boundary, overlap, 1) + context;
    const last = reach >= text.length;
    if (last) boundary = text.length;
    const end = Math.min(reach, text.length);
    const start = Math.max(0, readingReach(text, from, overlap, -1) - context);
    const found = scanner.scan(start === 0 && end === text.length ? text : text.slice(start, end), from - start);
    const kept: ScanMatch[] = [];
    let lastEnd = from;
    for (const m of found) {
      const matchStart = m.start + start;
      if (matchStart < from) continue; // a scanner that reads no context reports these
      if (matchStart >= boundary) break;
      kept.push({ ...m, start: matchStart, end: m.end + start });
      lastEnd = m.end + start;
    }
    yield kept;
    from = Math.max(boundary, lastEnd);
  }
}
