/**
 * How highlights are drawn, behind one small interface: the highlighter decides *what* to
 * highlight (text node, offsets, entry) and never how. The default engine wraps text in
 * `<mark>` elements; a CSS Custom Highlight API engine can replace it for pages where the
 * relayout after inserting thousands of elements is the limit.
 */
import type { Span } from './blocks';

/** One text node's share of one match. */
export interface Piece extends Span {
  id: string;
  category: string;
  /** The first piece of its match: the keyboard stop and the start of the occurrence. */
  first: boolean;
}

export interface HighlightEngine {
  /**
   * Draws pieces. Pieces of one text node may arrive over several calls (lazy wrapping);
   * pieces overlapping something already drawn, or of text that changed, are ignored.
   */
  apply(pieces: readonly Piece[]): void;
  /**
   * Like `apply`, in scheduler steps, for text with very many matches: the work is spread
   * over steps, and `write` wraps each change it makes to the page.
   */
  applyInSteps?(pieces: readonly Piece[], write: (change: () => void) => void): Generator<undefined, void>;
  /** Removes the highlights of these original text nodes, giving the page back its text. */
  remove(nodes: Iterable<Text>): void;
  /** Removes every highlight. */
  removeAll(): void;
  /** The original text node a node of ours (mark or text part) was made from. */
  originalOf(node: Node): Text | undefined;
  /** Whether this original text node currently has highlights. */
  has(node: Text): boolean;
}

/** Marks drawn per DOM engine, exported for styles and for the tooltip's event delegation. */
export const MARK_SELECTOR = 'mark.columnlens-mark[data-glossary-id]';

/** Attributes of the first piece of every occurrence. */
export const START_ATTRIBUTE = 'data-columnlens-start';

/** Builds the `<mark>` for one piece. Attribute values are set as data, never parsed as HTML. */
export function createMark(doc: Document, piece: Piece, text: string): HTMLElement {
  const mark = doc.createElement('mark');
  mark.className = 'columnlens-mark';
  mark.setAttribute('data-glossary-id', piece.id);
  mark.setAttribute('data-category', piece.category);
  if (piece.first) {
    mark.setAttribute(START_ATTRIBUTE, '');
    // Focusable by the keyboard navigation, without adding every highlight to the tab order.
    mark.setAttribute('tabindex', '-1');
  }
  mark.textContent = text;
  return mark;
}
