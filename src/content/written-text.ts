/**
 * Text nodes of the page that we split and the page then wrote. A framework's text binding or
 * a ticker sets the text of the node it holds; what we split off it, marks and the rest of the
 * old text, would show after the new text until the container is read again (100–800 ms later:
 * mutations.ts). They go in a microtask of the MutationObserver callback that told of the
 * write, before the page is painted; the re-read draws the new text's names.
 */

/** Returns `note(node)`: `drop` runs for each node noted, together, through `ownWrites`. */
export function createWrittenTextRepair(
  drop: (node: Text) => void,
  ownWrites: (write: () => void) => void,
): (node: Text) => void {
  const written = new Set<Text>();
  const dropAll = () =>
    ownWrites(() => {
      // Nodes noted while `ownWrites` goes through records still queued are dropped too.
      for (const node of written) drop(node);
      written.clear();
    });
  return (node) => {
    if (written.size === 0) queueMicrotask(dropAll);
    written.add(node);
  };
}
