/**
 * Copies of our marks that reach the page while highlights are off. A site that keeps deep
 * clones of the pages it leaves (Turbo Drive, pjax, Swup, Barba) puts a clone made while
 * highlights were on back when the reader goes Back; no highlighter is there to take its
 * marks back, and they would stay drawn, with their tooltips, until the page is reloaded.
 *
 * Watched only in a document that had a highlighter, from its switch-off until highlights are
 * on again (the highlighter then takes copies back itself: mark-copies.ts). A page loaded with
 * highlights off has made no copy and gets no observer.
 */
import { markCopiesAmong, unwrapCopies } from './mark-copies';

export interface CopiesWatch {
  stop(): void;
}

/** Unwraps copies of our marks in whatever the page adds to `doc`, until stopped. */
export function watchCopiesWhileOff(doc: Document, win: { MutationObserver: typeof MutationObserver }): CopiesWatch {
  const observer = new win.MutationObserver((records) => {
    const added: Element[] = [];
    for (const record of records)
      for (const node of record.addedNodes) if (node.nodeType === 1 && node.isConnected) added.push(node as Element);
    // No mark is ours while highlights are off: every one found is a copy.
    unwrapCopies(markCopiesAmong(added, () => false));
    observer.takeRecords(); // the unwrapping's own
  });
  observer.observe(doc, { childList: true, subtree: true });
  return { stop: () => observer.disconnect() };
}
