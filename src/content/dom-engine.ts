/**
 * The default engine: wraps each piece in a `<mark>`.
 *
 * Why not mark.js (the suggestion): it wraps match by match with `splitText`, which
 * is quadratic on long text nodes (a 174k-character node with 124 matches took 200 ms), and
 * it unwraps with `normalize()`, which also merges the page's own adjacent text nodes and
 * loses the identity of the nodes page scripts hold. This engine builds one fragment per
 * text node and call, and restores the very node objects it found.
 *
 * How a text node is wrapped: the original node stays where it is and keeps the text before
 * the first highlight (possibly none); the marks and the remaining text follow it as nodes
 * of ours. Keeping the original in place (rather than swapping it for a fragment) matters
 * for pages built by frameworks: they hold references to their text nodes and later remove
 * them or set their text. A detached original would make `removeChild` throw inside the
 * page's code (the classic translation-extension crash); an original in place can be removed
 * or rewritten, the MutationObserver sees it, and our nodes of the old text are dropped.
 * Switching off puts the full text back into the original and removes ours: the page's
 * nodes, their data and `innerHTML` are exactly as before, with no `normalize()`.
 */
import { createMark, type HighlightEngine, type Piece } from './engine';

interface Part {
  node: Node;
  start: number;
  end: number;
  mark: boolean;
}

interface Wrapped {
  original: Text;
  parent: Node;
  /** The original's full text. */
  data: string;
  /** Original first, then our nodes, covering `data` in order. */
  parts: Part[];
}

/** The text a part holds now (the page may have changed it). */
function textOf(part: Part): string {
  return part.mark ? (part.node.textContent ?? '') : (part.node as Text).data;
}

/** Creates the DOM-wrapping engine for one document. */
export function createDomEngine(doc: Document): HighlightEngine {
  const records = new Map<Text, Wrapped>();
  const ours = new WeakMap<Node, Wrapped>();

  /** Whether the page left the original where it was, holding the text we left in it. */
  function intactOriginal(rec: Wrapped, thorough: boolean): boolean {
    const first = rec.parts[0]!;
    if (rec.original.parentNode !== rec.parent || rec.original.length !== first.end) return false;
    return !thorough || rec.original.data === rec.data.slice(0, first.end);
  }

  /** Replaces text part `index` by text, marks and text for `pieces` (all inside it, sorted). */
  function split(rec: Wrapped, index: number, pieces: Piece[]): void {
    const part = rec.parts[index]!;
    const fragment = doc.createDocumentFragment();
    const made: Part[] = [];
    const isOriginal = part.node === rec.original;
    let cursor = part.start;
    const addText = (end: number) => {
      if (end <= cursor) return;
      const node = doc.createTextNode(rec.data.slice(cursor, end));
      fragment.appendChild(node);
      made.push({ node, start: cursor, end, mark: false });
    };
    if (isOriginal) {
      // The original keeps the text up to the first mark; everything after is ours.
      made.push({ node: rec.original, start: part.start, end: pieces[0]!.start, mark: false });
      cursor = pieces[0]!.start;
    }
    for (const piece of pieces) {
      addText(piece.start);
      const mark = createMark(doc, piece, rec.data.slice(piece.start, piece.end));
      fragment.appendChild(mark);
      made.push({ node: mark, start: piece.start, end: piece.end, mark: true });
      cursor = piece.end;
    }
    addText(part.end);
    for (const m of made) if (m.node !== rec.original) ours.set(m.node, rec);
    if (isOriginal) {
      rec.original.data = rec.data.slice(part.start, pieces[0]!.start);
      rec.parent.insertBefore(fragment, rec.original.nextSibling);
    } else {
      part.node.parentNode?.replaceChild(fragment, part.node);
      ours.delete(part.node);
    }
    rec.parts.splice(index, 1, ...made);
  }

  function applyToNode(node: Text, pieces: Piece[]): void {
    let rec = records.get(node);
    if (!rec) {
      // Text nodes of ours are never wrapped again; neither is text that left the page.
      if (ours.has(node) || !node.parentNode || !node.isConnected) return;
      rec = { original: node, parent: node.parentNode, data: node.data, parts: [] };
      rec.parts.push({ node, start: 0, end: rec.data.length, mark: false });
    } else if (!intactOriginal(rec, false)) {
      return; // The page changed this text; the next re-read decides what to draw.
    }
    pieces.sort((a, b) => a.start - b.start);
    // Group the pieces by the text part that contains them; skip stale or overlapping ones.
    const groups = new Map<number, Piece[]>();
    let lastEnd = -1;
    for (const piece of pieces) {
      if (piece.start < lastEnd || rec.data.slice(piece.start, piece.end) !== piece.text) continue;
      const index = partIndex(rec.parts, piece.start);
      const part = rec.parts[index];
      // Lengths only: comparing a long tail's whole text for every piece would be quadratic, and
      // a page edit of our nodes is seen by the MutationObserver, which re-reads that text.
      if (!part || part.mark || piece.end > part.end || (part.node as Text).length !== part.end - part.start) continue;
      const group = groups.get(index);
      if (group) group.push(piece);
      else groups.set(index, [piece]);
      lastEnd = piece.end;
    }
    if (groups.size === 0) return;
    records.set(node, rec);
    // Right to left, so splicing one part does not move the indexes of the others.
    for (const index of [...groups.keys()].sort((a, b) => b - a)) split(rec, index, groups.get(index)!);
  }

  function restore(rec: Wrapped): void {
    const mine = rec.parts.slice(1);
    const edited = mine.some((p) => p.node.parentNode && textOf(p) !== rec.data.slice(p.start, p.end));
    const intact = intactOriginal(rec, true);
    if (!edited) {
      for (const p of mine) p.node.parentNode?.removeChild(p.node);
      // Untouched: the original gets its full text back. Rewritten or removed by the page:
      // our nodes held the old text, so removing them leaves the page's version.
      if (intact) rec.original.data = rec.data;
    } else {
      // The page edited text inside our nodes: keep its text, drop only our elements.
      for (const p of mine) {
        if (!p.mark || !p.node.parentNode) continue;
        const mark = p.node as Element;
        while (mark.firstChild) mark.parentNode!.insertBefore(mark.firstChild, mark);
        mark.parentNode!.removeChild(mark);
      }
    }
    for (const p of mine) ours.delete(p.node);
    records.delete(rec.original);
  }

  return {
    apply(pieces) {
      const byNode = new Map<Text, Piece[]>();
      for (const piece of pieces) {
        const list = byNode.get(piece.node);
        if (list) list.push(piece);
        else byNode.set(piece.node, [piece]);
      }
      for (const [node, list] of byNode) applyToNode(node, list);
    },
    remove(nodes) {
      for (const node of nodes) {
        const rec = records.get(node);
        if (rec) restore(rec);
      }
    },
    removeAll() {
      for (const rec of [...records.values()]) restore(rec);
    },
    originalOf: (node) => ours.get(node)?.original,
    has: (node) => records.has(node),
  };
}

/** Index of the part whose range contains `offset`. */
function partIndex(parts: readonly Part[], offset: number): number {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
