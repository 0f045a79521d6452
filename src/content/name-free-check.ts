/**
 * Proving that a large region names nothing, without walking it.
 *
 * A content script pays for every node it is handed (its isolated world makes a JavaScript
 * object for each), and the walk in blocks.ts has to be handed every element to know where
 * runs of text end. On a page that names nothing that is all cost and no highlight. Here
 * the region's text comes from native `textContent` calls, which hand over strings and no
 * nodes, and one loose scan (src/matcher/loose.ts) looks for any alias at all. Block
 * boundaries are lost in that text ("Home" in one list item runs into "AI chip" in the
 * next), which is why the scan must be loose: it still finds every name the walk could.
 *
 * The whole text is scanned first, in one call. If anything matches, it may be in what the
 * walk never reads: scripts, styles, form fields, editors, SVG (a page's CSS and JSON are
 * full of strings like "gpu" and "VC"). Then the text between two such elements ("a gap";
 * text never joins across them in the walk either) is scanned on its own. Only the excluded
 * elements and their ancestors are handed to the script for that; every other subtree gives
 * its text in one call.
 */
import { scanInWindows, WINDOW_LENGTH, type TextScanner } from './chunked-scan';
import {
  ANY_EXCLUDED_SELECTOR,
  isCustomElementName,
  isInExcludedSubtree,
  TRANSPARENT_SKIPPED_SELECTOR,
} from './dom-rules';

/**
 * Characters first scanned with the strict scanner too. A page that names the glossary
 * mostly does so early, and then the strict scanner, which is ready, says so before the
 * loose one has to be built (a few milliseconds, tens for a 10,000-name glossary).
 */
const PROBE_TEXT = 32_768;
/** Elements looked at between pause points while looking for shadow roots. */
const PAUSE_ELEMENTS = 1_024;

/**
 * The region's readable text as pieces in document order; `null` stands for an excluded
 * element, across which text never joins, and `undefined` is a pause point.
 */
export function* textPieces(root: Element | ShadowRoot): Generator<string | null | undefined, void> {
  const excluded = new Set<Element>();
  // Ancestors of excluded elements (below root): the only nodes whose children are visited.
  const around = new Set<Node>();
  let outermost: Element | undefined;
  for (const el of root.querySelectorAll(ANY_EXCLUDED_SELECTOR)) {
    // Document order: the excluded elements inside the last outermost one come right after it.
    if (outermost?.contains(el)) continue;
    outermost = el;
    excluded.add(el);
    for (let up = el.parentNode; up && up !== root && !around.has(up); up = up.parentNode) around.add(up);
  }
  if (excluded.size === 0) {
    yield root.textContent ?? '';
    return;
  }
  yield undefined; // the query alone is some milliseconds of native work on a large page
  // Depth-first over `around`, with a stack of next siblings (no recursion: pages nest deep).
  const stack: (Node | null)[] = [root.firstChild];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node) continue;
    if (++visited % PAUSE_ELEMENTS === 0) yield undefined;
    stack.push(node.nextSibling);
    if (node.nodeType === 3) yield (node as Text).data;
    else if (node.nodeType !== 1) continue;
    else if (excluded.has(node as Element)) yield null;
    else if (around.has(node)) stack.push(node.firstChild);
    else yield node.textContent ?? '';
  }
}

/**
 * Whether `root` provably names nothing the walk would find: no loose match in any gap of
 * its readable text (`scanners.loose`, built on first use; `whole`: the region's
 * textContent, when the caller has read it; `readGaps: false` gives up, false, where the
 * whole text has a match instead of reading the gaps). A region with ruby never is (see
 * `withoutRuby`). Shadow trees are not part of this text: see `openShadowRootsIn`.
 */
export function* namesNothing(
  root: Element | ShadowRoot,
  scanners: { strict: TextScanner; loose: () => TextScanner },
  maxMatchLength: number,
  whole = root.textContent ?? '',
  { readGaps = true } = {},
): Generator<undefined, boolean> {
  let loose: TextScanner | undefined;
  const once = { strict: scanners.strict, loose: () => (loose ??= scanners.loose()) };
  // First all of it (`whole`, its textContent), excluded elements' text included: one native
  // call and no element handed over. Most pages without names have no loose match anywhere,
  // and then none in any gap.
  if (!(yield* finder(once, maxMatchLength)(whole))) return yield* withoutRuby(root);
  // What follows, the gaps' query or the caller's walk, is native work of its own: it must not
  // share a task with the scan that found the match (and may have built the loose scanner).
  yield undefined;
  if (!readGaps) return false;
  // A match, perhaps only in a style sheet or a script: read the gaps alone. A page that names
  // the glossary mostly shows a strict match in their first characters, reason enough to walk.
  const finds = finder(once, maxMatchLength);
  const gap: string[] = [];
  for (const piece of textPieces(root)) {
    if (piece === undefined) yield undefined;
    else if (piece !== null) gap.push(piece);
    else if (gap.length > 0) {
      const text = gap.join('');
      gap.length = 0;
      if (yield* finds(text)) return false;
    }
  }
  if (gap.length > 0 && (yield* finds(gap.join('')))) return false;
  return yield* withoutRuby(root);
}

/**
 * Ruby (`<rt>`, `<rp>`) makes the walk join text across elements whose text `textContent`
 * keeps, so a region with ruby is never called name-free. Asked only of a region whose text
 * names nothing, in a step of its own: the query goes through the whole region when it finds
 * no ruby (up to 17 ms on the 76k-element page).
 */
function* withoutRuby(root: Element | ShadowRoot): Generator<undefined, boolean> {
  yield undefined;
  return root.querySelector(TRANSPARENT_SKIPPED_SELECTOR) === null;
}

/**
 * Scans text window by window, pausing between windows, for the first match: strict for the
 * first PROBE_TEXT characters (see there), loose throughout. A strict match is no proof of a
 * name (the text may join two blocks, or come from a script), only a reason to walk; no strict
 * match proves nothing, so the loose scan always follows.
 */
function finder(
  scanners: { strict: TextScanner; loose: () => TextScanner /* memoised by the caller */ },
  maxMatchLength: number,
): (text: string) => Generator<undefined, boolean> {
  let probeLeft = PROBE_TEXT;
  const scanner: TextScanner = {
    scan(text, from) {
      if (probeLeft > 0) {
        probeLeft -= text.length;
        const found = scanners.strict.scan(text, from);
        if (found.length > 0) return found;
      }
      return scanners.loose().scan(text, from);
    },
  };
  // Pauses by the text scanned, not per call: a page of short gaps would pay a scheduler
  // round for each of them.
  let sincePause = 0;
  return function* finds(text) {
    for (const found of scanInWindows(scanner, text, maxMatchLength)) {
      if (found.length > 0) return true;
      sincePause += Math.min(text.length, WINDOW_LENGTH);
      if (sincePause >= WINDOW_LENGTH) {
        sincePause = 0;
        yield undefined;
      }
    }
    return false;
  };
}

/**
 * The open shadow roots directly under `root` (not those nested in other shadow trees),
 * outside excluded elements, in document order, with `undefined` as pause points. Returns
 * false if the page moved the element the search had reached while it was paused: the rest
 * of the region may then be out of its reach. Custom elements without one go to
 * `onUnattachedHost`, as the walk's do (late-shadow-roots.ts).
 */
export function* openShadowRootsIn(
  root: Element | ShadowRoot,
  onUnattachedHost?: (host: Element) => void,
): Generator<ShadowRoot | undefined, boolean> {
  const doc = root.ownerDocument;
  // Only elements are handed over: no shadow root is visible from the text.
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++seen % PAUSE_ELEMENTS === 0) {
      yield undefined;
      if (!root.contains(node)) return false;
    }
    const shadow = (node as Element).shadowRoot;
    if (!shadow && onUnattachedHost && isCustomElementName((node as Element).localName))
      onUnattachedHost(node as Element);
    if (!shadow || isInExcludedSubtree(node)) continue;
    yield shadow;
    if (!root.contains(node)) return false;
  }
  return true;
}
