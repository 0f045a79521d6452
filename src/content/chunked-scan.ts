/**
 * Scanning very long text in windows. A 5 MB text node scanned in one call would block the
 * page for longer than any task may take, so long text is read window by window, each
 * window a separate step of the scheduler. Pure: no DOM.
 *
 * Why the result equals one scan of the whole text: each window reaches `overlap` units past
 * its boundary, so every match that starts before the boundary is seen whole and kept; the
 * next window starts at the boundary or after the last kept match, a position no match
 * covers, where a leftmost-longest scan restarts exactly as it would have continued.
 * Boundaries are placed just after a space or punctuation mark when one is near, so a
 * whole-word alias sees the same left neighbour it would have seen in one scan.
 */

/** A match as the matcher reports it: offsets into the scanned text, entry index. */
export interface ScanMatch {
  start: number;
  end: number;
  entry: number;
}

/** What the highlighter needs from the matcher (`src/matcher` Matcher fits). */
export interface TextScanner {
  scan(text: string): readonly ScanMatch[];
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

/**
 * Yields the matches of `text` window by window (offsets into `text`); their concatenation is
 * the scan of the whole text. `maxMatchLength` bounds every alias and exclusion phrase.
 */
export function* scanInWindows(
  scanner: TextScanner,
  text: string,
  maxMatchLength: number,
  windowLength = WINDOW_LENGTH,
): Generator<ScanMatch[], void> {
  const overlap = maxMatchLength + 1;
  if (text.length <= windowLength + overlap) {
    yield scanner.scan(text).slice();
    return;
  }
  let from = 0;
  while (from < text.length) {
    let boundary = windowBoundary(text, from + windowLength);
    const last = boundary + overlap >= text.length;
    if (last) boundary = text.length;
    const end = last ? text.length : boundary + overlap;
    const found = scanner.scan(from === 0 && end === text.length ? text : text.slice(from, end));
    const kept: ScanMatch[] = [];
    let lastEnd = from;
    for (const m of found) {
      const start = m.start + from;
      if (start >= boundary) break;
      kept.push({ start, end: m.end + from, entry: m.entry });
      lastEnd = m.end + from;
    }
    yield kept;
    from = Math.max(boundary, lastEnd);
  }
}
