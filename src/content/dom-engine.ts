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
import type { HighlightEngine, Piece } from './engine';
import { intactOriginal, PartSplit, type Part, type Wrapped } from './dom-split';

/** Marks built per step when a text node's matches are drawn gradually. */
const MARKS_PER_STEP = 400;

/**
 * Nodes of ours (marks and text parts) taken back per step when highlights are removed in
 * slices: about 5,900 marks cost 65–71 ms at once in Chromium, so this is well under 2 ms.
 * One text node's marks are always taken back in one step (its record restores as a whole).
 */
const PARTS_PER_REMOVAL_STEP = 150;

/** The text a part holds now (the page may have changed it). */
function textOf(part: Part): string {
  return part.mark ? (part.node.textContent ?? '') : (part.node as Text).data;
}

/** The text of a mark holding nothing but text (as we made it); undefined otherwise. */
function soleText(mark: Node): string | undefined {
  const child = mark.firstChild;
  return !child ? '' : child.nodeType === 3 && !child.nextSibling ? (child as Text).data : undefined;
}

/** Creates the DOM-wrapping engine for one document. */
export function createDomEngine(doc: Document): HighlightEngine {
  const records = new Map<Text, Wrapped>();
  const ours = new WeakMap<Node, Wrapped>();

  /** The splits that draw `pieces` on `node`; registers the node as wrapped when there are any. */
  function plan(node: Text, pieces: Piece[]): { rec: Wrapped; splits: PartSplit[] } | undefined {
    let rec = records.get(node);
    if (!rec) {
      // Text nodes of ours are never wrapped again; neither is text that left the page.
      // Text inside a mark of ours (read by a walk the page's changes interrupted) neither.
      if (ours.has(node) || !node.parentNode || ours.has(node.parentNode) || !node.isConnected) return undefined;
      rec = { original: node, parent: node.parentNode, data: node.data, parts: [], written: false };
      rec.parts.push({ node, start: 0, end: rec.data.length, mark: false });
    } else if (!intactOriginal(rec, false)) {
      return undefined; // The page changed this text; the next re-read decides what to draw.
    }
    pieces.sort((a, b) => a.start - b.start);
    // Group the pieces by the text part that contains them; skip stale or overlapping ones.
    const groups = new Map<Part, Piece[]>();
    let lastEnd = -1;
    for (const piece of pieces) {
      if (piece.start < lastEnd || rec.data.slice(piece.start, piece.end) !== piece.text) continue;
      const part = rec.parts[partIndex(rec.parts, piece.start)];
      // Lengths only: comparing a long tail's whole text for every piece would be quadratic, and
      // a page edit of our nodes is seen by the MutationObserver, which re-reads that text.
      if (!part || part.mark || piece.end > part.end || (part.node as Text).length !== part.end - part.start) continue;
      const group = groups.get(part);
      if (group) group.push(piece);
      else groups.set(part, [piece]);
      lastEnd = piece.end;
    }
    if (groups.size === 0) return undefined;
    records.set(node, rec);
    return { rec, splits: [...groups].map(([part, list]) => new PartSplit(doc, rec, part, list)) };
  }

  function commit(rec: Wrapped, split: PartSplit): void {
    const made = split.commit();
    if (!made) return;
    for (const m of made) ours.set(m.node, rec);
  }

  function byNode(pieces: readonly Piece[]): Map<Text, Piece[]> {
    const map = new Map<Text, Piece[]>();
    for (const piece of pieces) {
      const list = map.get(piece.node);
      if (list) list.push(piece);
      else map.set(piece.node, [piece]);
    }
    return map;
  }

  function restore(rec: Wrapped): void {
    const mine = rec.parts.slice(1);
    const edited = mine.some((p) => p.node.parentNode && textOf(p) !== rec.data.slice(p.start, p.end));
    // One of ours taken out while the original stayed where it was: the page deleted or
    // unwrapped that highlight (a framework that owns its DOM, a "delete" button). Its deletion
    // must stand; giving the original its full text back would bring deleted text back, or
    // double the text of a mark the page unwrapped. (The original gone too is a re-render:
    // see below.) An original the page moved elsewhere is the page's text node going where the
    // page wants its text: ours, left behind and cleared with their old place, held that text.
    const deleted = rec.original.parentNode === rec.parent && mine.some((p) => !p.node.parentNode);
    // Text as we left it, wherever it is now: a page that moved or detached its node keeps all
    // its text. A write the page made counts even when it wrote back the text the node held.
    const intact = !rec.written && rec.original.data === rec.data.slice(0, rec.parts[0]!.end);
    if (!edited && !deleted) {
      for (const p of mine) p.node.parentNode?.removeChild(p.node);
      // Untouched (even if moved or detached): the original gets its full text back. Rewritten
      // by the page: our nodes held the old text, so removing them leaves the page's version.
      if (intact) rec.original.data = rec.data;
    } else {
      // The page edited or deleted some of our nodes: what it left is its text. Those still
      // right after the original go back into it (one node again, as the page made it); our
      // elements elsewhere are unwrapped where they are.
      let follows = true;
      for (const p of mine) {
        const node = p.node;
        const parent = node.parentNode;
        if (!parent) continue;
        const text = p.mark ? soleText(node) : (node as Text).data;
        follows &&= text !== undefined && rec.original.nextSibling === node;
        if (follows) {
          rec.original.appendData(text!);
          parent.removeChild(node);
        } else if (p.mark) {
          while (node.firstChild) parent.insertBefore(node.firstChild, node);
          parent.removeChild(node);
        }
      }
    }
    for (const p of mine) ours.delete(p.node);
    records.delete(rec.original);
  }

  /**
   * Restores `rec`; a record the page made impossible to restore (hostile DOM) is forgotten,
   * so one bad node cannot leave every other highlight on the page.
   */
  function restoreOrForget(rec: Wrapped): void {
    try {
      restore(rec);
    } catch (error) {
      console.debug('ColumnLens: a highlight could not be taken back', error);
      for (const p of rec.parts) ours.delete(p.node);
      records.delete(rec.original);
    }
  }

  /** The mark drawn for `piece`, if it was. */
  function markOf(piece: Piece): HTMLElement | undefined {
    const rec = records.get(piece.node);
    const part = rec?.parts[partIndex(rec.parts, piece.start)];
    return part?.mark && part.start === piece.start && part.node.isConnected ? (part.node as HTMLElement) : undefined;
  }

  return {
    kind: 'dom',
    apply(pieces) {
      for (const [node, list] of byNode(pieces)) {
        const planned = plan(node, list);
        if (!planned) continue;
        for (const split of planned.splits) {
          split.build();
          commit(planned.rec, split);
        }
      }
    },
    *applyInSteps(pieces, write) {
      for (const [node, list] of byNode(pieces)) {
        const planned = plan(node, list);
        if (!planned) continue;
        for (const split of planned.splits) {
          while (!split.build(MARKS_PER_STEP)) yield undefined;
          write(() => commit(planned.rec, split));
          yield undefined;
        }
      }
    },
    remove(nodes) {
      for (const node of nodes) {
        const rec = records.get(node);
        if (rec) restore(rec);
      }
    },
    removeAll() {
      for (const rec of [...records.values()]) restoreOrForget(rec);
    },
    *removeAllInSteps(write) {
      // From the live map, not a snapshot: a record restored meanwhile (by `remove` or
      // `removeAll`) has left it. Restoring deletes the record, so the map empties.
      while (records.size > 0) {
        write(() => {
          let parts = 0;
          for (const rec of records.values()) {
            parts += rec.parts.length;
            restoreOrForget(rec);
            if (parts >= PARTS_PER_REMOVAL_STEP) break;
          }
        });
        yield undefined;
      }
    },
    originalOf: (node) => ours.get(node)?.original,
    has: (node) => records.has(node),
    textWritten(node) {
      const rec = records.get(node);
      if (rec) rec.written = true;
    },
    dropWritten(node) {
      const rec = records.get(node);
      if (rec?.written) restoreOrForget(rec);
    },
    locate(pieces) {
      const first = pieces[0] && markOf(pieces[0]);
      const last = pieces.length > 1 ? markOf(pieces[pieces.length - 1]!) : first;
      if (!first || !last) return undefined;
      const range = doc.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      return { element: first, range };
    },
    originalPoint(node, offset) {
      // Text inside a mark stands at the mark's place in the original text.
      const inMark = node.nodeType === 3 && node.parentNode && ours.has(node.parentNode);
      const own = inMark ? node.parentNode! : node;
      const rec = ours.get(own);
      const part = rec?.parts.find((p) => p.node === own);
      if (!rec || !part) return undefined;
      return { node: rec.original, offset: part.start + (node.nodeType === 3 ? offset : 0) };
    },
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
