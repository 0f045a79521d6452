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
 * Excluded elements (scripts, styles, form fields, editors, SVG…) are left out, because the
 * walk never reads them and a page's CSS and JSON are full of strings like "gpu" and "VC".
 * Text never joins across them in the walk either, so the text between two of them ("a
 * gap") is scanned on its own. Only the excluded elements and their ancestors are handed to
 * the script; every other subtree gives its text in one call.
 */
import { scanInWindows, type TextScanner } from './chunked-scan';
import { ANY_EXCLUDED_SELECTOR, isInExcludedSubtree, TRANSPARENT_SKIPPED_SELECTOR } from './dom-rules';

/** Characters scanned between pause points. */
const PAUSE_TEXT = 32_768;
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
 * element, across which text never joins.
 */
export function* textPieces(root: Element | ShadowRoot): Generator<string | null, void> {
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
  // Depth-first over `around`, with a stack of next siblings (no recursion: pages nest deep).
  const stack: (Node | null)[] = [root.firstChild];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node) continue;
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
 * its readable text (`scanners.loose`, built on first use). Ruby (`<rt>`, `<rp>`) makes the walk join text across elements whose
 * text `textContent` keeps, so a region with ruby is never called name-free. Shadow trees
 * are not part of this text: see `openShadowRootsIn`.
 */
export function* namesNothing(
  root: Element | ShadowRoot,
  scanners: { strict: TextScanner; loose: () => TextScanner },
  maxMatchLength: number,
): Generator<undefined, boolean> {
  if (root.querySelector(TRANSPARENT_SKIPPED_SELECTOR)) return false;
  let probeLeft = PROBE_TEXT;
  let loose: TextScanner | undefined;
  // A strict match is no proof of a name (the text may join two blocks into one), only a
  // reason to walk; no strict match proves nothing, so the loose scan always follows.
  const scanner: TextScanner = {
    scan(text) {
      if (probeLeft > 0) {
        probeLeft -= text.length;
        const found = scanners.strict.scan(text);
        if (found.length > 0) return found;
      }
      return (loose ??= scanners.loose()).scan(text);
    },
  };
  const gap: string[] = [];
  let sincePause = 0;
  function* scanGap(): Generator<undefined, boolean> {
    const text = gap.length === 1 ? gap[0]! : gap.join('');
    gap.length = 0;
    for (const found of scanInWindows(scanner, text, maxMatchLength)) {
      if (found.length > 0) return false;
      sincePause += Math.min(text.length, PAUSE_TEXT);
      if (sincePause >= PAUSE_TEXT) {
        sincePause = 0;
        yield undefined;
      }
    }
    return true;
  }
  for (const piece of textPieces(root)) {
    if (piece !== null) gap.push(piece);
    else if (gap.length > 0 && !(yield* scanGap())) return false;
  }
  return gap.length === 0 || (yield* scanGap());
}

/**
 * The open shadow roots directly under `root` (not those nested in other shadow trees),
 * outside excluded elements, in document order, with `undefined` as pause points. Returns
 * false if the page moved the element the search had reached while it was paused: the rest
 * of the region may then be out of its reach.
 */
export function* openShadowRootsIn(root: Element | ShadowRoot): Generator<ShadowRoot | undefined, boolean> {
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
    if (!shadow || isInExcludedSubtree(node)) continue;
    yield shadow;
    if (!root.contains(node)) return false;
  }
  return true;
}
