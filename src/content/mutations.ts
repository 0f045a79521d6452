/**
 * Follows the page's changes (infinite scroll, client-side navigation, tickers) and reports
 * which containers to read again: a changed text node's container, and every element the page
 * added. Our own writes are taken out of the record queue right after we make them, so
 * wrapping never triggers another read (no feedback loop).
 *
 * The observer's callback runs inside the page's own task, so it only queues the records a
 * delivery brings and goes through them for at most `INLINE_MS`; the rest waits for slices of
 * our own (a page appending 10,000 rows in one task made a callback of 42–72 ms).
 *
 * Changes are gathered for `delay` ms from the first one (not debounced forever: a page
 * that changes all the time is still handled within a second), and a container read less
 * than `cooldown` ms ago waits for its cooldown, so a ticker re-rendered every 250 ms costs
 * one cheap read a second. When nothing changes no timer is pending.
 *
 * Two more things are reported. Highlights the page took away itself (it unwrapped or deleted
 * a mark of ours and kept its text): the highlighter counts those per container and steps
 * aside where the page keeps doing it. And elements that became, or moved into, something
 * the reader edits (contenteditable, role="textbox", a code editor's class): the highlights
 * inside must go, since the page would save them with the reader's text.
 */
import { classify, containerOf, excludedLookup, isInExcludedSubtree } from './dom-rules';

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
  /** Containers where the page took away highlights of ours since the last batch. */
  fought: Node[];
  /** Elements that are now editable or inside an editor: their highlights must go. */
  excluded: Element[];
}

export interface MutationWatcherOptions {
  timers: Timers;
  onChanges(batch: ChangeBatch): void;
  /** Whether a node is one of ours (mark or text part): edits to it mean the page touched our work. */
  isOurs(node: Node): boolean;
  /** Whether a removed node is a mark of ours taken from text the page kept (not a re-render). */
  takenFromPage(node: Node): boolean;
  /**
   * The page wrote a text node's text. Told as each record is gone through, which is always
   * before a write of ours (`ownWrites`), and for records left when the watcher disconnects.
   */
  textWritten?(node: Text): void;
  delay?: number;
  cooldown?: number;
}

export interface MutationWatcher {
  observe(root: Node): void;
  /** Whether changes are waiting for their read (a flush is scheduled). */
  pending(): boolean;
  /**
   * How many of the page's changes to elements or their editing attributes were seen so far
   * (text edits aside; our own writes never count). A walk compares it across its pauses.
   */
  changeCount(): number;
  /** Runs our own DOM writes so that the records they cause are dropped. */
  ownWrites<T>(write: () => T): T;
  /**
   * From now on, only writes to text are watched (`textWritten`): while highlights are taken
   * back nothing is read, but a text node the page wrote must keep what it wrote. Every other
   * record would be made only to be dropped: one per node of ours removed.
   */
  textWritesOnly(): void;
  disconnect(): void;
}

/**
 * Attributes that can make an element editable (see dom-rules.ts). `class` is among them for
 * code editors (`cm-editor`): its records cost one selector match each, which busy pages that
 * toggle classes pay, but highlights left inside an editor would end up in what it saves.
 */
const EDITING_ATTRIBUTES = ['contenteditable', 'role', 'class'];
/** How long the callback goes through records inside the page's task; the rest is queued. */
const INLINE_MS = 2;
/** How long a slice of our own goes through queued records before it yields. */
const SLICE_MS = 8;
/** Records gone through between looks at the clock. */
const RECORDS_PER_LOOK = 32;
/** Nodes of one record gone through between looks at the clock. */
const NODES_PER_LOOK = 256;

const OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributeFilter: EDITING_ATTRIBUTES,
};
const TEXT_ONLY: MutationObserverInit = { characterData: true, subtree: true };

/** Starts watching nothing; call `observe` for the document body and each open shadow root. */
export function createMutationWatcher(
  win: { MutationObserver: typeof MutationObserver },
  options: MutationWatcherOptions,
): MutationWatcher {
  const { timers, onChanges, isOurs, takenFromPage, textWritten } = options;
  const delay = options.delay ?? 100;
  const cooldown = options.cooldown ?? 800;
  const containers = new Set<Node>();
  const added = new Set<Element>();
  const fought = new Set<Node>();
  /** Elements whose editing attributes changed, and whether only their class did. */
  const attributed = new Map<Element, boolean>();
  let removed = false;
  let changes = 0;
  let timer: unknown;
  let timerAt = Infinity;
  const lastRead = new WeakMap<Node, number>();
  const roots = new Set<Node>();
  /** Deliveries not yet gone through, oldest first; `next` is the next record of the first. */
  const queue: MutationRecord[][] = [];
  let next = 0;
  let queued = 0;
  let drainTimer: unknown;
  /** The flush came while records were queued: it runs once they are gone through. */
  let flushWhenDrained = false;
  const observer = new win.MutationObserver((records) => {
    enqueue(records);
    drain(INLINE_MS);
  });

  function wake(at: number): void {
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timerAt = at;
    timer = timers.setTimeout(flush, Math.max(0, at - timers.now()));
  }

  function enqueue(records: MutationRecord[]): void {
    queue.push(records);
    queued += records.length;
  }

  // A page appending rows one by one makes one record per row, all with the same target: its
  // container is looked up once per drain (a selector match per ancestor otherwise). No page
  // code runs within a drain, so the answer holds until it ends.
  let lastTarget: Node | undefined;
  let lastContainer: Node | null = null;

  /** Where the first queued record's nodes were left, when it held too many for one step. */
  let nextNode = 0;

  /** Goes through queued records for about `budget` ms, then leaves the rest to a slice. */
  function drain(budget: number): void {
    const end = timers.now() + budget;
    lastTarget = undefined;
    let done = 0;
    while (queue.length > 0) {
      const records = queue[0]!;
      if (!goThrough(records[next]!, end)) break;
      queued--;
      nextNode = 0;
      if (++next === records.length) {
        queue.shift();
        next = 0;
      }
      if (++done % RECORDS_PER_LOOK === 0 && timers.now() >= end) break;
    }
    if (containers.size > 0 || added.size > 0 || attributed.size > 0) wake(timers.now() + delay);
    if (queue.length > 0) {
      drainTimer ??= timers.setTimeout(() => {
        drainTimer = undefined;
        drain(SLICE_MS);
      }, 0);
    } else if (flushWhenDrained) {
      // In a task of its own: `ownWrites` drains too, and its write must come first.
      flushWhenDrained = false;
      wake(timers.now());
    }
  }

  /**
   * Goes through one record; false when `end` came first, part-way through the nodes of one
   * that adds or removes many (a page appending a fragment of 10,000 rows makes one record).
   */
  function goThrough(record: MutationRecord, end: number): boolean {
    const target = record.target;
    if (record.type === 'attributes') {
      changes++;
      const classOnly = record.attributeName === 'class';
      attributed.set(target as Element, classOnly && (attributed.get(target as Element) ?? true));
      return true;
    }
    if (target !== lastTarget) {
      lastTarget = target;
      lastContainer = containerOf(target);
    }
    const container = lastContainer;
    if (record.type === 'characterData') textWritten?.(target as Text);
    else if (record.type === 'childList') {
      const removedNodes = record.removedNodes;
      const addedNodes = record.addedNodes;
      const count = removedNodes.length + addedNodes.length;
      if (removedNodes.length > 0) removed = true;
      for (let i = nextNode; i < count; i++) {
        if (i < removedNodes.length) {
          if (container && takenFromPage(removedNodes[i]!)) fought.add(container);
        } else {
          const node = addedNodes[i - removedNodes.length]!;
          if (node.nodeType === 1 && !isOurs(node)) added.add(node as Element);
        }
        if (i % NODES_PER_LOOK === NODES_PER_LOOK - 1 && i + 1 < count && timers.now() >= end) {
          nextNode = i + 1;
          return false;
        }
      }
      changes++;
    }
    if (container) containers.add(container);
    return true;
  }

  /**
   * An element whose editing attributes changed: now editable, its highlights go; no longer
   * editable (a `class` change aside: those are too frequent), its text is read.
   */
  function attributeChanged(el: Element, classOnly: boolean, excluded: Element[]): void {
    if (!el.isConnected) return;
    const nowExcluded = classify(el) === 'excluded';
    // The common case, a class toggled on ordinary content, costs one selector match.
    if (!nowExcluded && classOnly) return;
    // Changes inside an editor (it toggles classes as the reader types) are none of ours.
    if (el.parentNode && isInExcludedSubtree(el.parentNode)) return;
    if (nowExcluded) {
      excluded.push(el);
      // Highlights in an inline element made editable belong to the container around it.
      const around = el.parentNode && containerOf(el.parentNode);
      if (around) containers.add(around);
    } else {
      const container = containerOf(el);
      if (container) containers.add(container);
      added.add(el);
    }
  }

  function flush(): void {
    timer = undefined;
    timerAt = Infinity;
    if (queue.length > 0) {
      flushWhenDrained = true;
      return;
    }
    const now = timers.now();
    const excluded: Element[] = [];
    for (const [el, classOnly] of attributed) attributeChanged(el, classOnly, excluded);
    attributed.clear();
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
    const batch: ChangeBatch = { containers: ready, added: [], removed, fought: [...fought], excluded };
    fought.clear();
    const insideEditor = excludedLookup();
    for (const el of added) {
      if (!el.isConnected) continue;
      // Added inside an editor: it may be text of ours the page moved there.
      if (insideEditor(el)) excluded.push(el);
      else batch.added.push(el);
    }
    added.clear();
    removed = false;
    if (nextAt < Infinity) wake(nextAt);
    if (ready.length > 0 || batch.added.length > 0 || batch.removed || batch.fought.length > 0 || excluded.length > 0)
      onChanges(batch);
  }

  return {
    observe(root) {
      roots.add(root);
      observer.observe(root, OPTIONS);
    },
    textWritesOnly() {
      // Observing a node again replaces its options; records already made stay queued.
      for (const root of roots) observer.observe(root, TEXT_ONLY);
    },
    pending: () => timer !== undefined || queue.length > 0,
    // Records not yet gone through count as changes: a walk must not miss one because it is
    // still queued. Once gone through, text edits drop out, which a walk may take for a change.
    changeCount: () => changes + queued,
    ownWrites(write) {
      // Records waiting before our write are the page's: keep them. Those after are ours.
      // They are gone through before the write, as are any still queued: a write of ours can
      // take away the node a record points at (a mark the page typed into), and with it the
      // container to read again. The queue is rarely long: only while a big delivery is gone
      // through in slices.
      const before = observer.takeRecords();
      if (before.length > 0) enqueue(before);
      if (queue.length > 0) drain(Infinity);
      try {
        return write();
      } finally {
        observer.takeRecords();
      }
    },
    disconnect() {
      // Text writes not gone through yet are still told: the highlights are about to be taken
      // back, and each must leave what the page wrote.
      if (textWritten) {
        const left = [...queue.flat().slice(next), ...observer.takeRecords()];
        for (const record of left) if (record.type === 'characterData') textWritten(record.target as Text);
      }
      observer.disconnect();
      if (timer !== undefined) timers.clearTimeout(timer);
      if (drainTimer !== undefined) timers.clearTimeout(drainTimer);
      timer = drainTimer = undefined;
      queue.length = next = queued = nextNode = 0;
      flushWhenDrained = false;
      containers.clear();
      added.clear();
      attributed.clear();
      fought.clear();
      roots.clear();
    },
  };
}
