/**
 * The editing widgets under a walk's root, shared by the walks of one batch of page changes.
 * A walk asks once for its root (`editingElementsIn`), and a query costs about 1 µs per call
 * from a content script's world even where nothing matches: a log viewer appending 10,000
 * rows in one go made 10,000 walks, and their queries were the largest single cost of reading
 * them (58 of 414 sampled ms; history, "Many elements added at once"). After a few walks in
 * one state of the page, a walk's root is answered by one query of its parent, which the
 * walks of its siblings then share until the page changes again: rows appended side by side
 * cost one query in all, and the query covers only the part of the page that changed.
 */
import { editingElementsIn } from './dom-rules';

/** Walks in one state of the page that query their own root before their parent is queried. */
const WALKS_BEFORE_SHARING = 16;

/**
 * `editingUnder(root)`: the editing widgets under `root`, or a superset (those under its
 * parent) while the page's change count stays where it was at the query. Walks add the
 * widgets of shadow trees they enter to the set they were given, which keeps it a superset.
 */
export function createEditingLookup(changeCount: () => number): (root: ParentNode) => Set<Element> {
  let state = -1;
  let walks = 0;
  const byParent = new Map<Node, Set<Element>>();
  return (root) => {
    const now = changeCount();
    if (now !== state) {
      state = now;
      walks = 0;
      byParent.clear();
    }
    const parent = (root as Node).parentNode;
    const known = parent && byParent.get(parent);
    if (known) return known;
    if (++walks <= WALKS_BEFORE_SHARING || !parent) return editingElementsIn(root);
    const shared = editingElementsIn(parent);
    byParent.set(parent, shared);
    return shared;
  };
}
