/**
 * Text that a mark would tear apart. A flex or grid container lays out each run of text
 * directly inside it as one anonymous item: a headline link with an icon
 * (`<a style="display:flex"><svg/>Nvidia will keep selling the H20</a>`), a breadcrumb bar, a
 * row of tags. A `<mark>` in that text is an element, so the container makes it an item of its
 * own, and the text before and after it two more: the words are set in three columns, the
 * spaces at their edges are dropped, `justify-content: space-between` pulls them apart, and a
 * grid gives each its own cell. Such text is painted instead (mixed-engine.ts): the page's
 * layout never changes.
 */

/** Display types whose container makes a run of its own text an anonymous item. */
const ITEM_CONTAINER = /(?:^|\s)(?:inline-)?(?:flex|grid)(?:$|\s)|-webkit-(?:inline-)?box/;

/**
 * Whether `node` is laid out as an anonymous flex or grid item. A parent with `display:
 * contents` has no box: its children are laid out by the nearest ancestor that has one.
 */
export function isItemText(node: Text, win: Window): boolean {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    const display = win.getComputedStyle(parent).display;
    if (display !== 'contents') return ITEM_CONTAINER.test(display);
  }
  return false;
}
