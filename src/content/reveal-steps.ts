/**
 * "Reveal" from the popup: each click on a name takes the reader to its next occurrence on the
 * page, wrapping around. Each name steps through its own occurrences, wherever another name's
 * clicks left off.
 */
import type { Occurrence } from './engine';
import type { FoundOccurrence } from './occurrence-finder';
import type { Direction, TextPoint } from './occurrences';

export interface RevealSteps {
  /** Shows entry `entry`'s occurrence after the one shown last; false when there is none to show. */
  reveal(entry: number): boolean;
  /** The page wrote this text node's text: a place in it is no place to step on from. */
  textWritten(node: Text): void;
  /** Every name starts again at its first occurrence (a new reading of the page). */
  clear(): void;
}

/** Scrolls an occurrence's element into the middle of the viewport and focuses it. */
function focusElement({ element }: Occurrence): void {
  element?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  element?.focus({ preventScroll: true });
}

export function createRevealSteps(
  find: (from: TextPoint | undefined, direction: Direction, entry: number) => FoundOccurrence | undefined,
  visit: (occurrence: Occurrence) => void = focusElement,
): RevealSteps {
  /** Where "reveal" last took the reader, by entry. */
  const lastRevealed = new Map<number, TextPoint>();
  return {
    reveal(entry) {
      // A name not revealed yet starts at its first occurrence, wherever another name left off.
      const found = find(lastRevealed.get(entry), 'next', entry);
      if (!found) return false;
      lastRevealed.set(entry, found.point);
      visit(found.occurrence);
      return true;
    },
    textWritten(node) {
      // A framework reusing its text nodes for the next article: the reader's place in the old
      // text is gone, and that name's next reveal starts again at its first occurrence.
      for (const [entry, point] of lastRevealed) if (point.node === node) lastRevealed.delete(entry);
    },
    clear: () => lastRevealed.clear(),
  };
}
