/**
 * The highlighter of one document: reads the page in time slices (what is on screen drawn
 * first), follows the page's changes, and takes every highlight back when stopped. It
 * decides what to highlight; how is the engine's business (`engine.ts`, `active-engine.ts`).
 */
import { createActiveEngine } from './active-engine';
import { createAdoptedStyles } from './adopted-styles';
import { readChanges } from './change-reading';
import { containerOf, isInExcludedSubtree, isShown } from './dom-rules';
import { createEditingLookup } from './editing-lookup';
import { createFirstKeeper } from './first-keeper';
import { watchLateShadowRoots } from './late-shadow-roots';
import { createCopyUnwrapper } from './mark-copies';
import { browserTimers, createMutationWatcher, type ChangeBatch, type Timers } from './mutations';
import { findOccurrence, type FoundOccurrence } from './occurrence-finder';
import type { Direction, TextPoint } from './occurrences';
import { PageState } from './page-state';
import { isPageChrome } from './page-chrome';
import { watchTopicReveal } from './topic-reveal';
import { readPage } from './page-read';
import { readRegion, type DisplayFilters, type GlossaryView, type ReadHooks } from './reader';
import { createRevealSteps } from './reveal-steps';
import { browserSliceHost, PRIORITY, Scheduler } from './scheduler';
import { intersectionWatcher } from './intersection-watcher';
import { everythingNear } from './viewport';
import type { Highlighter, HighlighterDeps } from './highlighter-api';

export type { DisplayFilters, GlossaryView } from './reader';
export type { Highlighter, HighlighterDeps } from './highlighter-api';

/** Lost-walk re-reads allowed per page, so a page that keeps moving our walk's position cannot loop us. */
const MAX_LOST_REREADS = 20;

/** Starts highlighting `deps.document`. */
export function startHighlighter(deps: HighlighterDeps, view: GlossaryView, filters: DisplayFilters): Highlighter {
  const { document: doc, window: win } = deps;
  const page = new PageState();
  const roots = new Set<ParentNode>([doc]);
  const styles = createAdoptedStyles(win, deps.shadowCss);
  const timers: Timers = deps.timers ?? browserTimers(win);
  /** "leaving": switched off, highlights still being taken back in slices. */
  let phase: 'on' | 'leaving' | 'stopped' = 'on';
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let lostRereads = 0;
  /** Whether the document was in design mode at the last change: nothing of it is read. */
  let editable = false;
  const contextAlive = () => deps.isAlive?.() ?? true;
  const scheduler = new Scheduler(deps.sliceHost ?? browserSliceHost(win), deps.budgetMs ?? 10, () => {
    // Orphaned by an extension update: step aside at once, however far a removal had got.
    if (!contextAlive()) stop();
  });
  // The watcher, made below, is asked only once something is written: after it exists.
  const ownWrites = <T>(write: () => T): T => mutations.ownWrites(write);
  const active = createActiveEngine({
    document: doc,
    window: win,
    engine: deps.engine,
    choice: deps.engineChoice ?? 'auto',
    paintedCss: deps.paintedCss,
    page,
    scheduler,
    // Both engines draw as text nears the viewport: marks to spare relayout, painted ranges
    // because Chromium re-validates every registered range on each change.
    viewport:
      deps.viewport ?? (typeof win.IntersectionObserver === 'function' ? intersectionWatcher(win) : everythingNear),
    ownWrites,
  });
  const isOurs = (node: Node) => active.originalOf(node) !== undefined;
  const mutations = createMutationWatcher(win, {
    ...deps.changeTiming,
    timers,
    onChanges,
    isOurs,
    // A mark gone from the page while its original text stays: the page unwrapped or deleted
    // it. (Moved along with its text, or re-rendered away with it, is no such thing.) Our own
    // removals are written through `ownWrites`, so their records never get here.
    takenFromPage: (node) => node.nodeType === 1 && !node.isConnected && !!active.originalOf(node)?.isConnected,
    textWritten(node) {
      active.textWritten(node);
      reveals.textWritten(node);
    },
  });
  const copies = createCopyUnwrapper(isOurs, ownWrites);
  const firsts = createFirstKeeper({
    page,
    context: () => ({
      page,
      view,
      filters,
      read: (container) => readRegion(container, true, view, filters, page, hooks),
    }),
    forget: (container) => hooks.forget(container),
    queue: (work) => scheduler.add(work, PRIORITY.changes),
  });
  const lateShadowRoots = watchLateShadowRoots({
    timers,
    queue: (work) => scheduler.add(work, PRIORITY.changes),
    onAttached: (shadowRoots) => scheduler.add(readLateShadowRoots(shadowRoots), PRIORITY.changes),
  });

  const hooks: ReadHooks = {
    forget(container) {
      const old = page.drop(container);
      if (!old) return;
      active.drawing.undraw(old);
      firsts.forgotten(old.firsts);
    },
    shadowRoot(root) {
      if (roots.has(root)) return;
      roots.add(root);
      mutations.observe(root);
      copies.leftoversUnder(root); // Before the walk goes in: none of ours can be there yet.
      styles.adopt(root);
    },
    lost(parent) {
      const container = containerOf(parent);
      if (!container || !container.isConnected || ++lostRereads > MAX_LOST_REREADS) return;
      scheduler.add(readRegion(container, false, view, filters, page, hooks), PRIORITY.changes);
    },
    pending: (block) => active.wait(block),
    changeCount: () => mutations.changeCount(),
    editingUnder: createEditingLookup(() => mutations.changeCount()),
    unattachedHost: (host) => lateShadowRoots.note(host),
    topicNamed: readHeldAgain,
    tellsTopic(element) {
      if (isPageChrome(element)) return false;
      if (isShown(element)) return true;
      // Hidden for now: a "Read more" or a tab the reader opens may show it, or the page itself (topic-reveal.ts).
      page.topic.noteHidden(element);
      topicReveal.noted();
      return false;
    },
    ...firsts.hooks,
  };

  /**
   * Containers whose everyday words waited for the page to name the column's subjects
   * (topic-gate.ts). They held nothing else to show, so forgetting them releases no first.
   * One the page has since put inside an editor (or any excluded element) is not read: a
   * shallow read does not look above its root.
   */
  function* readHeldAgain(held: Node[]): Generator<undefined, void> {
    for (const container of held) {
      if (!container.isConnected || isInExcludedSubtree(container)) continue;
      hooks.forget(container);
      yield* readRegion(container, true, view, filters, page, hooks);
    }
  }

  // A hidden name the reader shows (a "Read more" opened) opens the page to everyday words.
  const topicReveal = watchTopicReveal(doc, {
    gate: () => page.topic,
    timers,
    opened: (held) => scheduler.add(readHeldThenReport(held), PRIORITY.changes),
  });

  function* readHeldThenReport(held: Node[]): Generator<undefined, void> {
    yield* readHeldAgain(held);
    yield* settleAndReport();
  }

  /** Shadow trees attached after their host was read (late-shadow-roots.ts). */
  function* readLateShadowRoots(shadowRoots: ShadowRoot[]): Generator<undefined, void> {
    for (const root of shadowRoots) {
      // Read already by a walk of the page's changes, or now inside an editor: nothing to read.
      if (roots.has(root) || !root.host.isConnected || isInExcludedSubtree(root.host)) continue;
      hooks.shadowRoot(root);
      yield* readPage(root, view, filters, page, hooks, deps.nameFreeCheck);
    }
    yield* settleAndReport();
  }

  /** After a read of changes: the firsts settled (first-keeper.ts), then the page's counts told. */
  function* settleAndReport(): Generator<undefined, void> {
    active.keepLeftBehindLook();
    yield* firsts.settle();
    deps.onSummary?.();
  }

  /** Drops queued reads and draws, and queues taking back every highlight drawn so far. */
  function retireEngine(): void {
    scheduler.clear();
    active.retire();
  }

  function begin(): void {
    // A document in design mode is one big editor: nothing to highlight.
    const body = doc.body;
    if (!body || doc.designMode === 'on') return;
    mutations.observe(doc.documentElement);
    copies.leftoversUnder(body);
    scheduler.add(initialRead(body), PRIORITY.initial);
  }

  function* initialRead(body: HTMLElement): Generator<undefined, void> {
    yield* readPage(body, view, filters, page, hooks, deps.nameFreeCheck);
    firsts.pageRead();
    yield* firsts.claimHidden();
    deps.onSummary?.();
  }

  function onChanges(batch: ChangeBatch): void {
    if (!contextAlive()) return stop();
    if (phase !== 'on') return;
    // A document switched to design mode is an editor now (an iframe's rich-text editor turns
    // it on after its content is in): switching makes no mutation, but the reader's typing
    // does. Everything drawn is taken back before the first keystroke is read, and nothing is
    // read until design mode is off again, when the whole page is read anew.
    if (doc.designMode === 'on') {
      if (editable) return;
      editable = true;
      clearAll();
      deps.onSummary?.();
      return;
    }
    if (editable) {
      editable = false;
      if (doc.body) scheduler.add(initialRead(doc.body), PRIORITY.initial);
      return;
    }
    copies.amongAdded([...batch.added, ...batch.excluded]); // Before they are read (mark-copies.ts).
    scheduler.add(readChangesAndReport(batch), PRIORITY.changes);
  }

  function* readChangesAndReport(batch: ChangeBatch): Generator<undefined, void> {
    yield* readChanges(batch, {
      page,
      forget: (container) => hooks.forget(container),
      read: (region, shallow) => readRegion(region, shallow, view, filters, page, hooks),
      changeCount: () => mutations.changeCount(),
    });
    yield* settleAndReport();
  }

  /**
   * Forgets what was read and takes every highlight back in slices. The mutation watcher
   * stays on: the page's changes meanwhile are read once the removal is done (reads queue
   * behind it), and our removal writes go through `ownWrites`, so they are never mistaken
   * for the page unwrapping our marks.
   */
  function clearAll(): void {
    active.drawing.reset();
    retireEngine();
    page.clear();
    firsts.clear();
    lateShadowRoots.clear();
    reveals.clear();
  }

  function switchOff(): Promise<void> {
    if (phase !== 'on') return stopped;
    phase = 'leaving';
    // Nothing is read any more (`onChanges` ignores what the watcher reports), but the watcher
    // stays, on text writes alone, until the highlights are back: what the page writes to a
    // text node meanwhile must stand when that node is restored (dom-engine.ts). `stop`
    // disconnects it.
    mutations.textWritesOnly();
    lateShadowRoots.clear();
    active.drawing.disconnect();
    page.clear();
    retireEngine();
    scheduler.add(finish(), PRIORITY.restore); // Same priority, queued later: runs after the removal.
    scheduler.runNow();
    return stopped;
  }

  function* finish(): Generator<undefined, void> {
    yield undefined;
    stop(); // Nothing left to remove by now: releases the shadow-root styles and resolves `stopped`.
  }

  /** Teardown, also of a removal under way: whatever is left is removed at once. */
  function stop(): void {
    if (phase === 'stopped') return;
    phase = 'stopped';
    topicReveal.stop();
    mutations.disconnect();
    lateShadowRoots.clear();
    scheduler.clear();
    active.drawing.disconnect();
    active.removeAllNow();
    // Every mark of ours is gone: any left is a copy the page made (or one a hostile page kept
    // from being taken back). Not when orphaned by an update: the marks may be the new script's.
    if (contextAlive()) for (const root of roots) copies.allIn(root);
    styles.release();
    page.clear();
    resolveStopped();
  }

  // Not while highlights are being taken back: an occurrence drawn now would land on text
  // that does not hold its full text yet.
  const find = (from: TextPoint | undefined, direction: Direction, entry?: number): FoundOccurrence | undefined =>
    phase !== 'on' || active.retiring
      ? undefined
      : findOccurrence(
          { page, engine: active.engine, drawing: active.drawing, entryIds: view.entryIds, canVisit: deps.canVisit },
          from,
          direction,
          entry,
        );

  const reveals = createRevealSteps(find, deps.visit);

  begin();

  return {
    summary: () => page.summary(view.entryIds),
    reveal(id) {
      const entry = view.entryIds.indexOf(id);
      return entry >= 0 && reveals.reveal(entry);
    },
    nextOccurrence: (from, direction) => find(from, direction)?.occurrence,
    hitTest: (node, offset) => (phase !== 'on' ? undefined : active.engine.hitTest?.(node, offset)),
    get engineKind() {
      return active.engine.kind;
    },
    get paints() {
      return active.engine.paints?.() ?? false;
    },
    setOptions(nextView, nextFilters) {
      if (phase !== 'on') return;
      clearAll();
      view = nextView;
      filters = nextFilters;
      if (doc.body && doc.designMode !== 'on') scheduler.add(initialRead(doc.body), PRIORITY.initial);
      scheduler.runNow();
    },
    switchOff,
    stop,
    async idle() {
      // Drawing is queued from observer callbacks after reading ends, and page changes wait
      // for their timer: wait until nothing is queued anywhere.
      do {
        await scheduler.idle();
        await new Promise((resolve) => setTimeout(resolve, 0));
      } while (scheduler.busy || mutations.pending());
    },
    stats: scheduler.stats,
  };
}
