/**
 * Which engine draws a page. Wrapping text in `<mark>`s (the DOM engine) is the default: marks
 * are real elements, focusable, styled by any CSS, seen by every tool, and drawn lazily as text
 * nears the viewport, so a frame inserts about a screenful of them. Their known limit is the
 * browser's relayout after each insertion, which grows with the page: measured in headless
 * Chromium (README, performance section), inserting 20 marks costs a 0.7–1.3 s frame on the
 * corpus's 51k–76k-element pages against 18–70 ms for the same ranges painted; on pages of
 * 6k–22k elements both cost about the same. The highlight engine has its own limit: Chromium
 * re-validates every registered range on each change (about 70–95 µs per range in distinct
 * text nodes), so the number of occurrences alone is no reason to switch.
 *
 * "auto" starts with the highlight engine on a huge document, and hands over to it when
 * reading meets a giant text node with matches (splitting it into marks lays the whole node
 * out again: 0.8–0.9 s for 1,000 marks in a megabyte of text, against 0.06–0.16 s painted).
 */
import { createDomEngine } from './dom-engine';
import type { HighlightEngine } from './engine';
import { createHighlightEngine, supportsHighlights } from './highlight-engine';
import type { PendingBlock } from './page-state';

/** What the reader (or a test, through the hidden `local:debugEngine` item) asked for. */
export type EngineChoice = 'auto' | 'dom' | 'highlight';
export type EngineKind = HighlightEngine['kind'];

export const ENGINE_CHOICES: readonly EngineChoice[] = ['auto', 'dom', 'highlight'];

export const AUTO_LIMITS = {
  /** Elements in the document when highlighting starts. */
  elements: 30_000,
  /** Characters of one text node with matches, unless it is one unbroken line (see `isOneLongLine`). */
  textNode: 100_000,
};

/** Longest line (in characters) a giant text node may have and still count as ordinary text. */
const LONG_LINE = 20_000;

/** Creates the engine of `kind` (the DOM engine where highlights are unsupported). */
export function createEngine(kind: EngineKind, doc: Document, win: Window & typeof globalThis): HighlightEngine {
  return kind === 'highlight' && supportsHighlights(win) ? createHighlightEngine(doc, win) : createDomEngine(doc);
}

/** The engine a page starts with. */
export function startingEngine(choice: EngineChoice, doc: Document, win: Window): EngineKind {
  if (choice === 'dom' || !supportsHighlights(win)) return 'dom';
  if (choice === 'highlight') return 'highlight';
  // More elements than the limit: whether the one after it exists. A live collection walks
  // the document only that far for it, where counting its length walks all of it (17 ms for
  // 76k elements in a content script's world, profiled).
  return doc.getElementsByTagName('*').item(AUTO_LIMITS.elements) !== null ? 'highlight' : 'dom';
}

/**
 * Whether `node` renders as one unbroken line: text that never wraps (`pre`, `nowrap`) with
 * no line breaks for tens of thousands of characters. Chromium paints a highlight on such a
 * line at a cost that grows with the line's length: 6–9 s for a thousand of them on a
 * megabyte-long line, against 1.5 s for marks; so such a node keeps the DOM engine.
 */
function isOneLongLine(node: Text, win: Window): boolean {
  const parent = node.parentElement;
  if (!parent) return false;
  const whiteSpace = win.getComputedStyle(parent).whiteSpace;
  if (whiteSpace !== 'pre' && whiteSpace !== 'nowrap') return false;
  const data = node.data;
  let lineStart = 0;
  for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) {
    if (i - lineStart > LONG_LINE) return true;
    lineStart = i + 1;
  }
  return data.length - lineStart > LONG_LINE;
}

/** Follows what reading finds and says when to hand over to the highlight engine ("auto" only). */
export class EngineAdvisor {
  private readonly checked = new WeakSet<Text>();

  constructor(private readonly win: Window) {}

  /** Notes a block of matches to show; true when the page should now use the highlight engine. */
  note(block: PendingBlock): boolean {
    for (const match of block.matches) {
      for (const { node } of match.pieces) {
        if (node.length <= AUTO_LIMITS.textNode || this.checked.has(node)) continue;
        this.checked.add(node);
        if (!isOneLongLine(node, this.win)) return true;
      }
    }
    return false;
  }
}
