/** How the tooltip and the keyboard navigation recognise the highlighter's marks. */
import { START_ATTRIBUTE } from '../content/engine';

/** Any piece of a highlight. */
export const MARK_SELECTOR = 'mark[data-glossary-id]';
/** The first piece of each highlight: one per occurrence, the one keyboard navigation visits. */
export const MARK_START_SELECTOR = `mark[${START_ATTRIBUTE}]`;

/** NodeFilter.SHOW_TEXT, without relying on a global NodeFilter. */
const SHOW_TEXT = 4;
/** How many text nodes back a split name's first piece is looked for: a name has a few pieces. */
const MAX_PIECES = 32;

/**
 * The highlight `target` is in, if any, as its occurrence's first piece. A name the page's
 * markup splits (`英伟<b>达</b>`) is drawn as one mark per text node; to the tooltip they are
 * one highlight, so the pointer moving from one piece to the next, or a tap on either, is on
 * the same name (and its note stays where it is).
 */
export function closestMark(target: EventTarget | null): HTMLElement | null {
  // Duck-typed rather than `instanceof Element`: the page, frames and the test's jsdom
  // each have their own Element constructor.
  const el = target as Partial<Element> | null;
  const piece = typeof el?.closest === 'function' ? (el.closest(MARK_SELECTOR) as HTMLElement | null) : null;
  return piece && firstPieceOf(piece);
}

/**
 * Walks back over the text before `piece`: text in a mark of the same entry is an earlier piece
 * of the same occurrence, up to the one marked as its start; any other text means `piece` is
 * not part of a longer one.
 */
function firstPieceOf(piece: HTMLElement): HTMLElement {
  if (piece.hasAttribute(START_ATTRIBUTE) || !piece.firstChild) return piece;
  const id = piece.dataset.glossaryId;
  const walker = piece.ownerDocument.createTreeWalker(piece.getRootNode(), SHOW_TEXT);
  walker.currentNode = piece.firstChild;
  for (let i = 0; i < MAX_PIECES; i++) {
    const text = walker.previousNode() as Text | null;
    if (!text) break;
    if (text.data.length === 0) continue;
    const mark = text.parentElement?.closest<HTMLElement>(MARK_SELECTOR);
    if (!mark || mark.dataset.glossaryId !== id) break;
    if (mark.hasAttribute(START_ATTRIBUTE)) return mark;
  }
  return piece;
}
