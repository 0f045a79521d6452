/**
 * Density "first" while the page changes: the highlighter's bookkeeping that keeps each
 * entry's one highlight on its first occurrence the reader can see. It remembers which
 * entries lost their first (their container was forgotten) and gives them their next one
 * (first-reclaim.ts), and it passes over hidden occurrences, letting an entry read only in
 * hidden text take a hidden one in the end and a shown occurrence take over later
 * (first-visible.ts). Once the page has been read, a shown occurrence the page adds also takes
 * over a first held after it in the page, or in text the page has hidden since it was read.
 */
import { isShown } from './dom-rules';
import { reclaimFirsts, type ReclaimContext } from './first-reclaim';
import { createFirstVisibility } from './first-visible';
import { comparePoints } from './occurrences';
import type { PageState } from './page-state';
import { blockTarget, type ReadHooks } from './reader';

type Work = Generator<undefined, void>;

export interface FirstKeeperDeps {
  page: PageState;
  /** The glossary and filters in use now, and a shallow read of a container with them. */
  context(): ReclaimContext;
  /** Forgets a container, undrawing it (through `forgotten` for the firsts it held). */
  forget(container: Node): void;
  /** Queues work of reading with the page's changes. */
  queue(work: Work): void;
}

export interface FirstKeeper {
  /** The reader's hooks for density "first". */
  hooks: Required<Pick<ReadHooks, 'passOverFirst' | 'firstHeldHidden' | 'firstHeldAfter' | 'takeOverFirst'>>;
  /**
   * The first read of the page is done: from now on an occurrence read before another's
   * first (text the page adds above it) may take that first over. The first read goes in
   * document order, and finds none.
   */
  pageRead(): void;
  /** A container was forgotten with the entries whose first it held. */
  forgotten(firsts: Iterable<number>): void;
  /**
   * After a read of changes: entries whose first was forgotten get their next one, then
   * `claimHidden`.
   */
  settle(): Work;
  /** After any read: entries read only in hidden text take their first hidden occurrence. */
  claimHidden(): Work;
  clear(): void;
}

/** Rounds of `claimHidden`: reading a container again passes over other entries' hidden firsts. */
const CLAIM_ROUNDS = 3;

export function createFirstKeeper(deps: FirstKeeperDeps): FirstKeeper {
  const { page, context, forget, queue } = deps;
  /**
   * Entries whose first occurrence was in a container forgotten since the last batch of
   * changes was read: by that batch, a lost walk's re-read or the first read.
   */
  const released = new Set<number>();
  const visibility = createFirstVisibility();
  let pageRead = false;

  /**
   * Whether `entry`'s first is held in a container that comes after `node`, outside it (in
   * `comparePoints`' order a container comes before the text inside it).
   */
  function heldAfter(entry: number, node: Node): boolean {
    const holder = page.firstHolder(entry);
    return !!holder && comparePoints({ node, offset: 0 }, { node: holder, offset: 0 }) < 0;
  }

  /**
   * Entries whose first is held in text the page has hidden since it was read (a single-page
   * site keeping the article the reader left, `display: none`), judged once per entry in a read
   * of changes: asking the browser whether an element is shown may have it lay out the page.
   */
  const holderHidden = new Map<number, boolean>();
  function heldInHiddenNow(entry: number): boolean {
    if (!pageRead) return false;
    let hidden = holderHidden.get(entry);
    if (hidden === undefined) {
      const holder = page.firstHolder(entry);
      hidden = holder?.nodeType === 1 && !isShown(holder as Element);
      holderHidden.set(entry, hidden);
    }
    return hidden;
  }

  function* reclaimReleased(): Work {
    const entries = [...released];
    released.clear();
    yield* reclaimFirsts(entries, context());
    // The re-reads release what they read and claim it again, unless the page rewrote a
    // container meanwhile: what is still unclaimed waits for the batch that reads it.
    for (const entry of [...released]) if (page.hasFirst(entry)) released.delete(entry);
  }

  function* claimHidden(): Work {
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const taken = visibility.takePassedOver(page.reading);
      if (taken.length === 0) return;
      // Those claimed in shown text since they were passed over need nothing (reclaimFirsts skips them).
      yield* reclaimFirsts(taken, context());
      visibility.settled(taken);
    }
  }

  function* settle(): Work {
    holderHidden.clear();
    yield* reclaimReleased();
    yield* claimHidden();
  }

  /** Forgets `container` (undrawing it), reads its own runs again and settles the firsts it held. */
  function* readAgain(container: Node): Work {
    if (!container.isConnected) return;
    forget(container);
    yield* context().read(container);
    yield* settle();
  }

  return {
    hooks: {
      passOverFirst: (entry, node) => visibility.passOverFirst(entry, node),
      firstHeldHidden: (entry) => visibility.heldHidden(entry) || heldInHiddenNow(entry),
      firstHeldAfter: (entry, container) => pageRead && heldAfter(entry, container),
      takeOverFirst(entry, node) {
        if (!visibility.takesOver(entry, node)) {
          const taken = pageRead && (heldInHiddenNow(entry) || heldAfter(entry, node));
          const element = taken ? blockTarget(node) : undefined;
          if (!element || !isShown(element)) return false;
        }
        holderHidden.delete(entry);
        // The text that held it is read again: its highlight of the entry goes.
        const holder = page.releaseFirst(entry);
        if (holder) queue(readAgain(holder));
        return true;
      },
    },
    forgotten(firsts) {
      for (const entry of firsts) {
        released.add(entry);
        visibility.released(entry);
      }
    },
    settle,
    claimHidden,
    pageRead() {
      pageRead = true;
    },
    clear() {
      pageRead = false;
      holderHidden.clear();
      released.clear();
      visibility.clear();
    },
  };
}
