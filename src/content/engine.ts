/**
 * How highlights are drawn, behind one small interface: the highlighter decides *what* to
 * highlight (text node, offsets, entry) and never how. The default engine wraps text in
 * `<mark>` elements; a CSS Custom Highlight API engine can replace it for pages where the
 * relayout after inserting thousands of elements is the limit.
 */
import type { Span } from './blocks';
import type { TextPoint } from './occurrences';

/** One text node's share of one match. */
export interface Piece extends Span {
  id: string;
  category: string;
  /** The first piece of its match: the keyboard stop and the start of the occurrence. */
  first: boolean;
}

/** A drawn occurrence, as keyboard navigation and "reveal" go to it. */
export interface Occurrence {
  id: string;
  /** The focusable first mark, for engines that draw elements. */
  element?: HTMLElement;
  /** The occurrence's text: what engines without elements scroll to, select and anchor the tooltip on. */
  range: Range;
  /** False once the highlight is gone (engines without elements; an element's `isConnected` says it). */
  alive?(): boolean;
}

/** The highlight under a point, found by hit-testing (engines without elements). */
export interface HighlightHit {
  id: string;
  /** The same object for every hit on the same highlight, so moving over it opens nothing new. */
  key: object;
  range: Range;
  /** False once the highlight is gone (switched off, or its text re-read). */
  alive(): boolean;
}

export interface HighlightEngine {
  /** `dom` wraps text in elements; `highlight` paints ranges and leaves the DOM alone. */
  readonly kind: 'dom' | 'highlight';
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
  /** Removes every highlight at once (teardown). */
  removeAll(): void;
  /**
   * Removes every highlight in scheduler steps, `write` wrapping each change to the page (so
   * the mutation observer drops its records). It works from what is still drawn at each step:
   * after a `removeAll` or `remove` meanwhile, nothing is restored twice.
   */
  removeAllInSteps(write: (change: () => void) => void): Generator<undefined, void>;
  /** The original text node a node of ours (mark or text part) was made from. */
  originalOf(node: Node): Text | undefined;
  /** Whether this original text node currently has highlights. */
  has(node: Text): boolean;
  /**
   * The page wrote this text node's text (the mutation observer saw it): engines that split
   * text must leave what it holds now, even the very text they left in it. Engines that leave
   * the DOM alone have nothing to learn.
   */
  textWritten?(node: Text): void;
  /**
   * Takes back at once what is drawn on a text node the page wrote: the highlights and the
   * text after them, nodes of ours that still hold the old text and would show it after the
   * new. The page's text stays as it wrote it. A write of the caller's (`ownWrites`).
   */
  dropWritten?(node: Text): void;
  /** Where the occurrence drawn from `pieces` now is; undefined when it was not drawn. */
  locate(pieces: readonly Piece[]): Omit<Occurrence, 'id'> | undefined;
  /** A point inside a node of ours, as a point in the original text it was made from. */
  originalPoint(node: Node, offset: number): TextPoint | undefined;
  /** The highlight at `offset` in text node `node`, for engines without elements. */
  hitTest?(node: Node, offset: number): HighlightHit | undefined;
  /** Whether the engine paints anything (mixed-engine.ts, highlight-engine.ts): then the tooltip hit-tests. */
  paints?(): boolean;
  /**
   * Reads now what drawing these pieces will read (styles), while nothing of ours waits to be
   * laid out: asked between two writes, each read would make the browser recompute styles.
   */
  prepare?(pieces: readonly Piece[]): void;
}

/** Marks drawn per DOM engine, exported for styles and for the tooltip's event delegation. */
export const MARK_SELECTOR = 'mark.columnlens-mark[data-glossary-id]';

/**
 * How a mark of ours looks once our style sheet is gone: as the text around it. Firefox takes an
 * add-on's manifest CSS out of open tabs when the add-on is disabled or removed, and ends its
 * scripts without letting them take their marks back: the marks stayed, in the browser's
 * yellow with black text, until the page was reloaded. The document adopts this sheet while
 * marks are drawn (the page keeps it when our scripts end). Less specific than marks.css, so
 * it never shows while that sheet is there.
 */
export const LEFT_BEHIND_MARK_CSS = 'mark.columnlens-mark { background-color: transparent; color: inherit; }';

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
