/**
 * The editing widgets under a walk's root, shared by the walks of one batch of page changes.
 * A walk asks once for its root (`editingElementsIn`), and a query costs about 1 µs per call
 * from a content script's world even where nothing matches: a log viewer appending 10,000
 * rows in one go made 10,000 walks, and their queries were the largest single cost of reading
 * them (58 of 414 sampled ms; history, "Many elements added at once"). After a few walks in
 * one state of the page, one query answers for their whole tree, which costs about as much as
 * one per root in a document of 30,000 elements (0.1 ms), and serves every later walk there
 * until the page changes again.
 */
import { editingElementsIn } from './dom-rules';

/** Walks in one state of the page that query their own root before their tree is queried whole. */
const WALKS_BEFORE_TREE = 16;

/**
 * `editingUnder(root)`: the editing widgets under `root`, or a superset (those of its whole
 * tree) while the page's change count stays where it was at the query. Walks add the widgets
 * of shadow trees they enter to the set they were given, which keeps it a superset.
 */
export function createEditingLookup(changeCount: () => number): (root: ParentNode) => Set<Element> {
  let state = -1;
  let walks = 0;
  const trees = new Map<Node, Set<Element>>();
  return (root) => {
    const now = changeCount();
    if (now !== state) {
      state = now;
      walks = 0;
      trees.clear();
    }
    const tree = (root as Node).getRootNode();
    const known = trees.get(tree);
    if (known) return known;
    if (++walks <= WALKS_BEFORE_TREE || tree === root) return editingElementsIn(root);
    const whole = editingElementsIn(tree as ParentNode);
    trees.set(tree, whole);
    return whole;
  };
}
