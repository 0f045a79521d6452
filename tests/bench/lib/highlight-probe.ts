/**
 * Reads every highlight the extension drew, inside the page (via `page.evaluate`, so the
 * function is self-contained): `<mark data-glossary-id>` elements of the DOM engine, and the
 * ranges the highlight engine registered in `CSS.highlights` (the registry is the
 * document's, so the page's world sees what the content script's world put there).
 *
 * Offsets are positions in the concatenation of every text node under <body>, as in
 * page-probes.ts.
 */

/** One piece of a highlight: a run of text inside one mark, or one registered range. */
export interface HighlightPiece {
  /** The entry id (marks); empty for ranges, which are registered per category. */
  id: string;
  /** The category (ranges; marks carry it too). */
  category: string;
  start: number;
  end: number;
  /** The first piece of a match (a match across elements has several pieces). */
  first: boolean;
}

/** What the extension drew on the page. */
export interface PageHighlights {
  text: string;
  pieces: HighlightPiece[];
  /** Highlights inside elements that must never be touched (inputs, scripts, SVG, …). */
  misplaced: string[];
  /** How many of the pieces are CSS highlight ranges. */
  cssRanges: number;
}

/** Reads every highlight on the page with its text offsets (`excluded`: EXCLUDED_SELECTOR). */
export function collectHighlights(excluded: string): PageHighlights {
  const pieces: HighlightPiece[] = [];
  const parts: string[] = [];
  const offsets = new Map<Node, number>();
  let offset = 0;
  let lastMark: Element | null = null;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    offsets.set(node, offset);
    const mark = node.parentElement?.closest('mark[data-glossary-id]') ?? null;
    const previous = pieces[pieces.length - 1];
    if (mark && mark === lastMark && previous && previous.end === offset) previous.end += data.length;
    else if (mark) {
      pieces.push({
        id: mark.getAttribute('data-glossary-id') ?? '',
        category: mark.getAttribute('data-category') ?? '',
        start: offset,
        end: offset + data.length,
        first: mark.hasAttribute('data-columnlens-start'),
      });
    }
    lastMark = mark;
    parts.push(data);
    offset += data.length;
  }
  const misplaced = [...document.querySelectorAll('mark[data-glossary-id]')]
    .filter((m) => m.parentElement?.closest(excluded) || (m.parentElement as HTMLElement | null)?.isContentEditable)
    .map(
      (m) =>
        `${m.getAttribute('data-glossary-id')} in <${m.parentElement?.closest(excluded)?.localName ?? 'editable'}>`,
    );

  type Range = { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number };
  const ranges: (HighlightPiece & { node: Node })[] = [];
  const registry = (globalThis.CSS as { highlights?: Map<string, Set<Range>> } | undefined)?.highlights;
  registry?.forEach((highlight, name) => {
    if (!name.startsWith('columnlens-')) return;
    for (const range of highlight) {
      const at = offsets.get(range.startContainer);
      const endAt = offsets.get(range.endContainer);
      // A range in a shadow tree or outside <body> has no offset here; the sweep reads the light DOM.
      if (at === undefined || endAt === undefined) continue;
      const parent = range.startContainer.parentElement;
      if (parent?.closest(excluded) || parent?.isContentEditable)
        misplaced.push(`${name} range in <${parent.localName}>`);
      ranges.push({
        id: '',
        category: name.slice('columnlens-'.length),
        start: at + range.startOffset,
        end: endAt + range.endOffset,
        first: true,
        node: range.startContainer,
      });
    }
  });
  ranges.sort((a, b) => a.start - b.start);
  // A match across elements is one range per text node: a range that continues the previous
  // one (same category, touching, in another node) is its next piece.
  ranges.forEach((r, i) => {
    const prev = ranges[i - 1];
    if (prev && prev.category === r.category && prev.end === r.start && prev.node !== r.node) r.first = false;
  });
  for (const { node: _node, ...piece } of ranges) pieces.push(piece);
  pieces.sort((a, b) => a.start - b.start);
  return { text: parts.join(''), pieces, misplaced, cssRanges: ranges.length };
}
