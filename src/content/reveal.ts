/**
 * "Show me where": scrolls to the next highlighted occurrence of an entry and focuses it
 * (the tooltip opens on focus). Occurrences are taken in document order, with text inside
 * shadow trees placed at their host, and the search wraps around after the last one.
 */
import { START_ATTRIBUTE } from './engine';

const START_SELECTOR = `mark.columnlens-mark[${START_ATTRIBUTE}]`;

/** The node that stands for `node` in the document's own tree (its outermost shadow host). */
function anchorOf(node: Node): Node {
  let cur = node;
  for (let root = cur.getRootNode(); root.nodeType === 11 && (root as ShadowRoot).host; root = cur.getRootNode()) {
    cur = (root as ShadowRoot).host;
  }
  return cur;
}

/** Start marks of `id` under `roots`, in document order. */
export function occurrences(roots: Iterable<ParentNode>, id: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const root of roots) {
    for (const mark of root.querySelectorAll<HTMLElement>(START_SELECTOR)) {
      if (mark.getAttribute('data-glossary-id') === id && mark.isConnected) found.push(mark);
    }
  }
  const anchors = new Map(found.map((m) => [m, anchorOf(m)]));
  return found.sort((a, b) => {
    const x = anchors.get(a)!;
    const y = anchors.get(b)!;
    if (x === y) return 0;
    return x.compareDocumentPosition(y) & 4 /* FOLLOWING */ ? -1 : 1;
  });
}

/** The occurrence after `previous` (the first one when `previous` is not among them). */
export function nextOccurrence(marks: readonly HTMLElement[], previous: Element | undefined): HTMLElement | undefined {
  if (marks.length === 0) return undefined;
  const index = previous ? marks.indexOf(previous as HTMLElement) : -1;
  return marks[(index + 1) % marks.length];
}

/** Scrolls `mark` into the middle of the viewport and focuses it without a second jump. */
export function focusMark(mark: HTMLElement): void {
  mark.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  mark.focus({ preventScroll: true });
}
