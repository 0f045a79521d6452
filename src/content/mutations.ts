/**
 * Follows the page's changes (infinite scroll, client-side navigation, tickers) and reports
 * which containers to read again: a changed text node's container, and every element the page
 * added. Our own writes are taken out of the record queue right after we make them, so
 * wrapping never triggers another read (no feedback loop).
 *
 * Changes are gathered for `delay` ms from the first one (not debounced forever: a page
 * that changes all the time is still handled within a second), and a container read less
 * than `cooldown` ms ago waits for its cooldown, so a ticker re-rendered every 250 ms costs
 * one cheap read a second. When nothing changes no timer is pending.
 */
import { containerOf, isInExcludedSubtree } from './dom-rules';

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  now(): number;
}

/** The window's own timers and clock. */
export function browserTimers(win: Window): Timers {
  return {
    setTimeout: (run, ms) => win.setTimeout(run, ms),
    clearTimeout: (id) => win.clearTimeout(id as number),
    now: () => win.performance.now(),
  };
}

export interface ChangeBatch {
  /** Containers whose own runs of text may have changed. */
  containers: Node[];
  /** Added elements whose nested containers are new to us. */
  added: Element[];
  /** Whether anything was removed (states inside removed subtrees can be forgotten). */
  removed: boolean;
}

export interface MutationWatcherOptions {
  timers: Timers;
  onChanges(batch: ChangeBatch): void;
  /** Whether a node is one of ours (mark or text part): edits to it mean the page touched our work. */
  isOurs(node: Node): boolean;
  delay?: number;
  cooldown?: number;
}

export interface MutationWatcher {
  observe(root: Node): void;
  /** Whether changes are waiting for their read (a flush is scheduled). */
  pending(): boolean;
  /** Runs our own DOM writes so that the records they cause are dropped. */
  ownWrites<T>(write: () => T): T;
  disconnect(): void;
}

const OPTIONS: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/** Starts watching nothing; call `observe` for the document body and each open shadow root. */
export function createMutationWatcher(
  win: { MutationObserver: typeof MutationObserver },
  options: MutationWatcherOptions,
): MutationWatcher {
  const { timers, onChanges, isOurs } = options;
  const delay = options.delay ?? 100;
  const cooldown = options.cooldown ?? 800;
  const containers = new Set<Node>();
  const added = new Set<Element>();
  let removed = false;
  let timer: unknown;
  let timerAt = Infinity;
  const lastRead = new WeakMap<Node, number>();
  const observer = new win.MutationObserver((records) => collect(records));

  function wake(at: number): void {
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timerAt = at;
    timer = timers.setTimeout(flush, Math.max(0, at - timers.now()));
  }

  function collect(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'childList') {
        if (record.removedNodes.length > 0) removed = true;
        for (const node of record.addedNodes) if (node.nodeType === 1 && !isOurs(node)) added.add(node as Element);
      }
      const container = containerOf(target);
      if (container) containers.add(container);
    }
    if (containers.size > 0 || added.size > 0) wake(timers.now() + delay);
  }

  function flush(): void {
    timer = undefined;
    timerAt = Infinity;
    const now = timers.now();
    const ready: Node[] = [];
    let nextAt = Infinity;
    for (const container of containers) {
      const at = (lastRead.get(container) ?? -Infinity) + cooldown;
      if (at > now) {
        nextAt = Math.min(nextAt, at);
        continue;
      }
      containers.delete(container);
      lastRead.set(container, now);
      if (container.isConnected && !isInExcludedSubtree(container)) ready.push(container);
    }
    const batch: ChangeBatch = {
      containers: ready,
      added: [...added].filter((el) => el.isConnected && !isInExcludedSubtree(el)),
      removed,
    };
    added.clear();
    removed = false;
    if (nextAt < Infinity) wake(nextAt);
    if (batch.containers.length > 0 || batch.added.length > 0 || batch.removed) onChanges(batch);
  }

  return {
    observe: (root) => observer.observe(root, OPTIONS),
    pending: () => timer !== undefined,
    ownWrites(write) {
      // Records queued before our write are the page's: keep them. Those after are ours.
      const before = observer.takeRecords();
      if (before.length > 0) collect(before);
      try {
        return write();
      } finally {
        observer.takeRecords();
      }
    },
    disconnect() {
      observer.disconnect();
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      containers.clear();
      added.clear();
    },
  };
}
