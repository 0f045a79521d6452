/**
 * Highlights for a page that is just arriving. Normally a block is drawn when the viewport
 * watcher reports it near, and the watcher reports only after the next frame has been laid
 * out: when parsing ends, that layout (the whole page's, all at once) can take 100–250 ms on a
 * large page, and the reader would see the top of the page bare and then see highlights
 * appear. But the page is about to be laid out anyway: a mark added before that frame costs
 * no layout of its own, and on a page just opened the top of the document is what shows. So
 * while the page is still loading, the first blocks read before the next frame are drawn at
 * once, a bounded number of names (about what two screens hold, as much as the watcher's
 * margin would draw), and the watcher decides everything after.
 */
import type { PendingBlock } from './page-state';

/**
 * Text read before the first frame at most: about two screens (the viewport and the watcher's
 * margin below it) of a news column, 35–50 lines of 40–80 characters each.
 */
export const FIRST_SCREEN_CHARS = 8_000;
/** Names drawn before the first frame at most, whatever the text: a dense page's two screens. */
export const FIRST_SCREEN_PIECES = 200;
/**
 * How long the page's DOMContentLoaded task may run our reading of the first screen: the
 * first read runs with cold code, and a usual 10 ms slice covers only a few paragraphs of it.
 * Well under the 50 ms of a long task.
 */
export const FIRST_SCREEN_MS = 30;

export interface FirstScreen {
  /** Whether `block` should be drawn now instead of waiting for the viewport watcher. */
  takes(block: PendingBlock): boolean;
  /** Counts `length` characters of text read (with or without names). */
  read(length: number): void;
  /** Whether blocks are still taken (no frame rendered yet, room left). */
  readonly open: boolean;
}

/** Never takes a block: the page is loaded and may be scrolled anywhere; the watcher knows what shows. */
export const watcherOnly: FirstScreen = { takes: () => false, read() {}, open: false };

/** The page's window as this module needs it (a subset, so tests can pass a fake). */
export interface FrameSource {
  requestAnimationFrame?(callback: () => void): number;
  document: { readyState: DocumentReadyState };
}

/**
 * A first-screen budget for a highlighter starting on `win`: open while the page is still
 * loading and no animation frame has come since, until `maxChars` characters are read or
 * `maxPieces` names taken.
 */
export function firstScreen(
  win: FrameSource,
  { maxChars = FIRST_SCREEN_CHARS, maxPieces = FIRST_SCREEN_PIECES } = {},
): FirstScreen {
  // Switched on in a page loaded long ago (from the popup, or a new glossary): the reader
  // may be anywhere in it, and the page is laid out already.
  if (win.document.readyState === 'complete') return watcherOnly;
  if (typeof win.requestAnimationFrame !== 'function') return watcherOnly;
  let framed = false;
  let left = maxPieces;
  let chars = 0;
  // The callback runs just before the frame is rendered: what is drawn after it waits a frame.
  win.requestAnimationFrame(() => (framed = true));
  return {
    takes(block) {
      if (!this.open) return false;
      let pieces = 0;
      for (const match of block.matches) pieces += match.pieces.length;
      // A block with more names than are left (a giant text node) is not first-screen text.
      if (pieces > left) return false;
      left -= pieces;
      return true;
    },
    read(length) {
      chars += length;
    },
    get open() {
      return !framed && left > 0 && chars < maxChars;
    },
  };
}
