/**
 * The DOM engine's one write: replacing one text part of a wrapped text node by marks and the
 * text between them. Building the replacement (a detached fragment) is separate from putting
 * it in the page, so a text node with thousands of matches can be built over several slices
 * and still reach the page in one write: one relayout, however many marks.
 */
import { createMark, type Piece } from './engine';

export interface Part {
  node: Node;
  start: number;
  end: number;
  mark: boolean;
}

export interface Wrapped {
  original: Text;
  parent: Node;
  /** The original's full text. */
  data: string;
  /** Original first, then our nodes, covering `data` in order. */
  parts: Part[];
  /**
   * The page wrote the original's text (the mutation observer saw it). What it holds is then
   * the page's, even when it reads as the text we left there: a page that sets `，` on a node
   * of `，輝` we split means to drop `輝`, though the node already reads `，`.
   */
  written: boolean;
}

/**
 * Whether the page left the original where it was, holding the text we left in it. The quick
 * form compares lengths only, for checks made on every write.
 */
export function intactOriginal(rec: Wrapped, thorough: boolean): boolean {
  const first = rec.parts[0]!;
  if (rec.written || rec.original.parentNode !== rec.parent || rec.original.length !== first.end) return false;
  return !thorough || rec.original.data === rec.data.slice(0, first.end);
}

/** Replaces `part` (a text part of `rec`) by text, marks for `pieces` (sorted, inside it) and text. */
export class PartSplit {
  private readonly fragment: DocumentFragment;
  private readonly made: Part[] = [];
  private cursor: number;
  private next = 0;

  constructor(
    private readonly doc: Document,
    private readonly rec: Wrapped,
    private readonly part: Part,
    private readonly pieces: readonly Piece[],
  ) {
    this.fragment = doc.createDocumentFragment();
    this.cursor = part.start;
    if (part.node === rec.original) {
      // The original keeps the text up to the first mark; everything after is ours.
      this.made.push({ node: rec.original, start: part.start, end: pieces[0]!.start, mark: false });
      this.cursor = pieces[0]!.start;
    }
  }

  /** Builds up to `count` more marks (off the page); true once everything is built. */
  build(count = Infinity): boolean {
    const { pieces, rec } = this;
    for (let n = 0; n < count && this.next < pieces.length; n++) {
      const piece = pieces[this.next++]!;
      this.addText(piece.start);
      const mark = createMark(this.doc, piece, rec.data.slice(piece.start, piece.end));
      this.fragment.appendChild(mark);
      this.made.push({ node: mark, start: piece.start, end: piece.end, mark: true });
      this.cursor = piece.end;
    }
    if (this.next < pieces.length) return false;
    this.addText(this.part.end);
    return true;
  }

  /**
   * Puts the built nodes in place of the part: the only write to the page. Returns the nodes
   * made, or undefined when the page changed the text while they were being built.
   */
  commit(): Part[] | undefined {
    const { rec, part } = this;
    const index = rec.parts.indexOf(part);
    if (index < 0 || !intactOriginal(rec, false) || (part.node as Text).length !== part.end - part.start)
      return undefined;
    if (part.node === rec.original) {
      rec.original.data = rec.data.slice(part.start, this.made[0]!.end);
      rec.parent.insertBefore(this.fragment, rec.original.nextSibling);
    } else {
      part.node.parentNode?.replaceChild(this.fragment, part.node);
    }
    rec.parts.splice(index, 1, ...this.made);
    return this.made.filter((m) => m.node !== rec.original);
  }

  private addText(end: number): void {
    if (end <= this.cursor) return;
    const node = this.doc.createTextNode(this.rec.data.slice(this.cursor, end));
    this.fragment.appendChild(node);
    this.made.push({ node, start: this.cursor, end, mark: false });
    this.cursor = end;
  }
}
