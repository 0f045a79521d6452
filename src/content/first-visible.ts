/**
 * Density "first": an entry's one highlight goes to its first occurrence the reader can see.
 * On many news sites a name comes first in a closed menu, a collapsed section or a hidden
 * "trending" list, and highlighting it there would show nothing on the page.
 *
 * An entry whose every occurrence read so far was hidden gets its first hidden one after all,
 * once no read is under way: it then shows when the page opens that menu or section. An
 * occurrence shown that the page adds later (an article rendered after its menu) takes the
 * highlight over from it.
 */
import { isShown } from './dom-rules';
import { blockTarget } from './reader';

export interface FirstVisibility {
  /** For `ReadHooks.passOverFirst`: whether this occurrence, its entry's first candidate, is hidden. */
  passOverFirst(entry: number, node: Text): boolean;
  /**
   * Entries passed over since the last call, which may now be claimed in hidden text too
   * (until `settled`). None while `reading`: a visible occurrence may still come.
   */
  takePassedOver(reading: boolean): number[];
  /** `entries` were claimed (or not) anywhere: their next first is looked for in shown text again. */
  settled(entries: readonly number[]): void;
  /**
   * Whether this occurrence should take over `entry`'s first, held in hidden text: it is
   * shown, and the text that holds the first is still hidden.
   */
  takesOver(entry: number, node: Text): boolean;
  /** Whether `entry`'s first is held in hidden text (a cheap test before `takesOver`). */
  heldHidden(entry: number): boolean;
  /** `entry`'s first went with its container: whatever held it, it is held nowhere now. */
  released(entry: number): void;
  clear(): void;
}

export function createFirstVisibility(): FirstVisibility {
  const passedOver = new Set<number>();
  const anywhere = new Set<number>();
  /** Entries whose first was claimed in hidden text, and the element it is in. */
  const heldInHidden = new Map<number, Element>();
  // Matches come element by element: a hidden element with many of them is judged once.
  let lastHidden: Element | undefined;
  return {
    passOverFirst(entry, node) {
      const element = blockTarget(node);
      if (anywhere.has(entry)) {
        // Claimed here, in hidden text: a shown occurrence added later takes it over.
        if (element && !isShown(element)) heldInHidden.set(entry, element);
        return false;
      }
      if (!element || (element !== lastHidden && isShown(element))) return false;
      lastHidden = element;
      passedOver.add(entry);
      return true;
    },
    takePassedOver(reading) {
      if (reading || passedOver.size === 0) return [];
      const entries = [...passedOver];
      passedOver.clear();
      lastHidden = undefined;
      for (const entry of entries) anywhere.add(entry);
      return entries;
    },
    settled(entries) {
      for (const entry of entries) anywhere.delete(entry);
    },
    takesOver(entry, node) {
      const holder = heldInHidden.get(entry);
      if (!holder) return false;
      // The page showed it meanwhile (the reader opened the menu): it stays where it is.
      if (isShown(holder)) {
        heldInHidden.delete(entry);
        return false;
      }
      const element = blockTarget(node);
      if (!element || !isShown(element)) return false;
      heldInHidden.delete(entry);
      return true;
    },
    heldHidden: (entry) => heldInHidden.has(entry),
    released: (entry) => void heldInHidden.delete(entry),
    clear() {
      passedOver.clear();
      anywhere.clear();
      heldInHidden.clear();
      lastHidden = undefined;
    },
  };
}
