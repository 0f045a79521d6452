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
 * "auto" starts with the highlight engine on a huge document and on a page a front-end
 * framework hydrates (hydrated-page.ts), and hands over to it when
 * reading meets a giant text node with matches (splitting it into marks lays the whole node
 * out again: 0.8–0.9 s for 1,000 marks in a megabyte of text, against 0.06–0.16 s painted),
 * or giant text made of many text nodes side by side, which the browser lays out as one.
 */
import type { AdoptedStyles } from './adopted-styles';
import { createDomEngine } from './dom-engine';
import type { HighlightEngine } from './engine';
import { createHighlightEngine, supportsHighlights } from './highlight-engine';
import { isHydratedByFramework } from './hydrated-page';
import { isItemText } from './item-text';
import { createMixedEngine } from './mixed-engine';
import type { PendingBlock } from './page-state';

/** What the reader (or a test, through the hidden `local:debugEngine` item) asked for. */
export type EngineChoice = 'auto' | 'dom' | 'highlight';
export type EngineKind = HighlightEngine['kind'];

export const ENGINE_CHOICES: readonly EngineChoice[] = ['auto', 'dom', 'highlight'];

export const AUTO_LIMITS = {
  /** Elements in the document when highlighting starts. */
  elements: 30_000,
  /**
   * Characters of one text node with matches, or of an element's text made of many text nodes
   * (runNodes), unless it is one unbroken line (see `isOneLongLine`).
   */
  textNode: 100_000,
  /**
   * Child nodes of one element from which its run of text is measured: a page that appends a
   * log line by line makes one text node per line, and the browser lays them out as one giant
   * text. A paragraph has a few; each element with matches is counted once, up to this.
   */
  runNodes: 16,
};

/** Longest line (in characters) a giant text node may have and still count as ordinary text. */
const LONG_LINE = 20_000;

/**
 * Creates the engine of `kind` (the DOM engine where highlights are unsupported); a highlight
 * engine paints with the rules of `paintedStyles`. `paintItemText` (the "auto" choice) has
 * the DOM engine paint the text that a mark would tear apart (mixed-engine.ts), with rules of
 * its own (`newPaintedStyles`), as a page handed over later to a highlight engine retires it.
 */
export function createEngine(
  kind: EngineKind,
  doc: Document,
  win: Window & typeof globalThis,
  paintedStyles?: AdoptedStyles,
  paintItemText?: { newPaintedStyles: () => AdoptedStyles },
): HighlightEngine {
  if (kind === 'highlight' && supportsHighlights(win)) return createHighlightEngine(doc, win, paintedStyles);
  const marks = createDomEngine(doc);
  if (!paintItemText) return marks;
  return createMixedEngine({
    marks,
    painter: () =>
      supportsHighlights(win) ? createHighlightEngine(doc, win, paintItemText.newPaintedStyles()) : undefined,
    isItemText: (node) => isItemText(node, win),
  });
}

/** The engine a page starts with. */
export function startingEngine(choice: EngineChoice, doc: Document, win: Window): EngineKind {
  if (choice === 'dom') return 'dom';
  // More elements than the limit: whether the one after it exists. A live collection walks
  // the document only that far for it, where counting its length walks all of it (17 ms for
  // 76k elements in a content script's world, profiled). A page a framework hydrates must
  // keep the DOM its server sent (hydrated-page.ts).
  const wanted =
    choice === 'highlight' ||
    doc.getElementsByTagName('*').item(AUTO_LIMITS.elements) !== null ||
    isHydratedByFramework(doc);
  // Support is asked last: the first read of `CSS.highlights` in a world builds its registry
  // (0.3–0.5 ms measured in a page), which an ordinary page, drawn with marks, never needs.
  return wanted && supportsHighlights(win) ? 'highlight' : 'dom';
}

/**
 * Whether `text`, the text of `parent`, renders as one unbroken line: text that never wraps
 * (`pre`, `nowrap`) with no line breaks for tens of thousands of characters. Chromium paints a
 * highlight on such a line at a cost that grows with the line's length: 6–9 s for a thousand
 * of them on a megabyte-long line, against 1.5 s for marks; so such text keeps the DOM engine.
 */
function isOneLongLine(text: string, parent: Element | null, win: Window): boolean {
  if (!parent) return false;
  const whiteSpace = win.getComputedStyle(parent).whiteSpace;
  if (whiteSpace !== 'pre' && whiteSpace !== 'nowrap') return false;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i - lineStart > LONG_LINE) return true;
    lineStart = i + 1;
  }
  return text.length - lineStart > LONG_LINE;
}

/**
 * Whether `parent` has more than `count` child nodes. Not `childNodes.length`: that builds a
 * live list for each element asked, which Chromium keeps with the element. For the generated
 * page's 3,000 paragraphs, in a fresh isolated world after a walk over them: 7.5–12.5 ms,
 * against 1.5–2.1 ms counting siblings the walk has already handed over.
 */
function hasMoreChildNodesThan(parent: ParentNode, count: number): boolean {
  let seen = 0;
  for (let child = parent.firstChild; child; child = child.nextSibling) if (++seen > count) return true;
  return false;
}

/** Follows what reading finds and says when to hand over to the highlight engine ("auto" only). */
export class EngineAdvisor {
  private readonly checked = new WeakSet<Text>();
  private readonly checkedParents = new WeakSet<ParentNode>();

  constructor(private readonly win: Window) {}

  /** Notes a block of matches to show; true when the page should now use the highlight engine. */
  note(block: PendingBlock): boolean {
    for (const match of block.matches) {
      for (const { node } of match.pieces) {
        if (node.length > AUTO_LIMITS.textNode && !this.checked.has(node)) {
          this.checked.add(node);
          if (!isOneLongLine(node.data, node.parentElement, this.win)) return true;
        }
        if (this.giantRun(node.parentNode)) return true;
      }
    }
    return false;
  }

  /** Whether `parent` holds a giant run of text made of many text nodes (checked once per parent). */
  private giantRun(parent: ParentNode | null): boolean {
    if (!parent || this.checkedParents.has(parent)) return false;
    this.checkedParents.add(parent);
    if (!hasMoreChildNodesThan(parent, AUTO_LIMITS.runNodes)) return false;
    // Read node by node until the run is known to be giant: the textContent of a log of
    // 105,000 text nodes took 114 ms, the first few thousand of them a fraction of one.
    const texts: string[] = [];
    let length = 0;
    for (let child = parent.firstChild; child && length <= AUTO_LIMITS.textNode; child = child.nextSibling) {
      if (child.nodeType !== 3) continue;
      const data = (child as Text).data;
      texts.push(data);
      length += data.length;
    }
    const element = parent.nodeType === 1 ? (parent as Element) : null;
    return length > AUTO_LIMITS.textNode && !isOneLongLine(texts.join(''), element, this.win);
  }
}
