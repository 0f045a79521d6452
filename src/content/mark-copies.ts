/**
 * Copies of our marks that the page made: it read a highlighted passage's `innerHTML` and
 * wrote it back (a ticker doubling its text, an "Edit" button loading an article into its
 * editor) or cloned a highlighted element. They are not ours, so no engine would ever take
 * them back: the page would keep them after highlights are switched off, save them with the
 * reader's text, or have its copy highlighted again inside them. They go back to plain text,
 * which is what the page copied.
 */
import { isInExcludedSubtree } from './dom-rules';
import { MARK_SELECTOR, START_ATTRIBUTE } from './engine';

/** Every attribute a mark of ours can carry (`createMark`; the tooltip's while it is open). */
const OUR_ATTRIBUTES = new Set([
  'class',
  'data-glossary-id',
  'data-category',
  START_ATTRIBUTE,
  'tabindex',
  'aria-describedby',
]);

/**
 * Whether `mark`, which `isOurs` does not know, is made as ours are: our class alone and no
 * attribute we never set. A page that quotes our markup with an id, a title or a class of its
 * own keeps its element.
 */
function isCopy(mark: Element, isOurs: (node: Node) => boolean): boolean {
  return (
    !isOurs(mark) &&
    mark.className === 'columnlens-mark' &&
    mark.getAttributeNames().every((name) => OUR_ATTRIBUTES.has(name))
  );
}

/** The copies of our marks in `root` (itself included) that `isOurs` does not know, outermost first. */
export function markCopiesIn(root: ParentNode, isOurs: (node: Node) => boolean): Element[] {
  const found = markCopiesUnder(root, isOurs);
  if ((root as Element).matches?.(MARK_SELECTOR) && isCopy(root as Element, isOurs)) found.unshift(root as Element);
  return found;
}

/** The copies of our marks under `root` (not itself: a body or shadow root is none) that `isOurs` does not know. */
export function markCopiesUnder(root: ParentNode, isOurs: (node: Node) => boolean): Element[] {
  const found: Element[] = [];
  for (const mark of root.querySelectorAll(MARK_SELECTOR)) if (isCopy(mark, isOurs)) found.push(mark);
  return found;
}

/**
 * Past this many added elements in one batch, one query per parent they were added to is
 * cheaper than one per element: from a content script's world a query costs about 1 µs even
 * where nothing matches, and rows a page appends side by side share their parent (history,
 * "Many elements added at once").
 */
const MANY_ADDED = 64;

/**
 * The copies of our marks in or under the `added` elements; when many are added, in or under
 * their parents (any there is a copy as well).
 */
export function markCopiesAmong(added: readonly Element[], isOurs: (node: Node) => boolean): Element[] {
  if (added.length <= MANY_ADDED) return added.flatMap((element) => markCopiesIn(element, isOurs));
  const parents = new Set<ParentNode>(added.map((element) => element.parentNode ?? element));
  // Parents may nest: each copy once.
  return [...new Set([...parents].flatMap((parent) => markCopiesIn(parent, isOurs)))];
}

/** Puts each mark's contents in its place (an outer copy first, then the copies it held). */
export function unwrapCopies(marks: readonly Element[]): void {
  for (const mark of marks) if (mark.parentNode) mark.replaceWith(...mark.childNodes);
}

const outsideEditors = (marks: Element[]) => marks.filter((mark) => !isInExcludedSubtree(mark));

export interface CopyUnwrapper {
  /**
   * Marks an earlier copy of this script left under `root` (a body or shadow root about to be
   * read for the first time), or they would be wrapped again inside; in an editor they stay. Firefox ends an updated,
   * disabled or reloaded add-on's scripts without letting them take their marks back; in
   * Chromium the old copy takes its own back when the new one announces itself, and any it has
   * not yet are unwrapped here and left as they are by it (restoring, it finds them taken out
   * by the page).
   */
  leftoversUnder(root: ParentNode): void;
  /** Copies in or under elements the page added, before they are read. */
  amongAdded(added: readonly Element[]): void;
  /** Every copy left in `root`, outside editors, once no mark is ours any more (switched off, stopped). */
  allIn(root: ParentNode): void;
}

/** Unwraps marks `isOurs` does not know, writing through `ownWrites` so the writes are not read as the page's. */
export function createCopyUnwrapper(
  isOurs: (node: Node) => boolean,
  ownWrites: (write: () => void) => void,
): CopyUnwrapper {
  const unwrap = (marks: Element[]) => {
    if (marks.length > 0) ownWrites(() => unwrapCopies(marks));
  };
  return {
    // Not in an editor: what it holds at load is the reader's text, never read by us anyway.
    leftoversUnder: (root) => unwrap(outsideEditors(markCopiesUnder(root, isOurs))),
    amongAdded: (added) => unwrap(markCopiesAmong(added, isOurs)),
    // Those in editors were unwrapped as the page put them there, or were there before us.
    allIn: (root) => unwrap(outsideEditors(markCopiesIn(root, () => false))),
  };
}
