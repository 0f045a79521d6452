/**
 * The highlighter of one document: reads the page in time slices (what is on screen drawn
 * first), follows the page's changes, and takes every highlight back when stopped. It
 * decides what to highlight; how is the engine's business (`engine.ts`).
 */
import { containerOf } from './dom-rules';
import { createDomEngine } from './dom-engine';
import { createDrawing } from './drawing';
import type { HighlightEngine } from './engine';
import { browserTimers, createMutationWatcher, type ChangeBatch, type Timers } from './mutations';
import { PageState } from './page-state';
import { readRegion, type DisplayFilters, type GlossaryView, type ReadHooks } from './reader';
import { focusMark, nextOccurrence, occurrences } from './reveal';
import { browserSliceHost, PRIORITY, Scheduler, type SliceHost } from './scheduler';
import { createShadowStyles } from './shadow-styles';
import { intersectionViewport, everythingNear, type ViewportWatcherFactory } from './viewport';

export type { DisplayFilters, GlossaryView } from './reader';

export interface HighlighterDeps {
  document: Document;
  /** The document's window: MutationObserver, IntersectionObserver, timers. */
  window: Window & typeof globalThis;
  engine?: HighlightEngine;
  sliceHost?: SliceHost;
  viewport?: ViewportWatcherFactory;
  timers?: Timers;
  /** Slice budget in ms. */
  budgetMs?: number;
  /** How long page changes gather before a read, and the per-container cooldown (see mutations.ts). */
  changeTiming?: { delay: number; cooldown: number };
  /** Mark styles for open shadow roots (the manifest CSS only reaches the document). */
  shadowCss?: string;
  /** Called when the page's counts may have changed (after the first read and after changes). */
  onSummary?(): void;
  /** False once the extension context is gone: the highlighter then removes itself. */
  isAlive?(): boolean;
}

export interface Highlighter {
  /** Occurrences per entry id on the whole page, including text not drawn yet. */
  summary(): Record<string, number>;
  /** Scrolls to and focuses the next occurrence of `id`; false when there is none to show. */
  reveal(id: string): boolean;
  /** New glossary or display choices: everything is read again. */
  setOptions(view: GlossaryView, filters: DisplayFilters): void;
  /** Removes every highlight (the DOM as it was) and stops all observers. */
  stop(): void;
  /** Resolves when no work is queued, page changes seen included (for tests and benchmarks). */
  idle(): Promise<void>;
  readonly stats: { slices: number; longestSlice: number };
}

/** Lost-walk re-reads allowed per page, so a page that keeps moving our walk's position cannot loop us. */
const MAX_LOST_REREADS = 20;

/** Starts highlighting `deps.document`. */
export function startHighlighter(deps: HighlighterDeps, view: GlossaryView, filters: DisplayFilters): Highlighter {
  const { document: doc, window: win } = deps;
  const engine = deps.engine ?? createDomEngine(doc);
  const page = new PageState();
  const roots = new Set<ParentNode>([doc]);
  const styles = createShadowStyles(win, deps.shadowCss);
  const timers: Timers = deps.timers ?? browserTimers(win);
  let stopped = false;
  let lostRereads = 0;
  let lastRevealed: Element | undefined;
  const alive = () => !stopped && (deps.isAlive?.() ?? true);
  const scheduler = new Scheduler(deps.sliceHost ?? browserSliceHost(win), deps.budgetMs ?? 10, () => {
    if (!alive()) stop();
  });
  const mutations = createMutationWatcher(win, {
    ...deps.changeTiming,
    timers,
    onChanges,
    isOurs: (node) => engine.originalOf(node) !== undefined,
  });
  const viewport =
    deps.viewport ?? (typeof win.IntersectionObserver === 'function' ? intersectionViewport(win) : everythingNear);
  const drawing = createDrawing(engine, scheduler, viewport, (write) => mutations.ownWrites(write));

  const hooks: ReadHooks = {
    forget(container) {
      const old = page.drop(container);
      if (old) drawing.undraw(old);
    },
    shadowRoot(root) {
      if (roots.has(root)) return;
      roots.add(root);
      mutations.observe(root);
      styles.adopt(root);
    },
    lost(parent) {
      const container = containerOf(parent);
      if (!container || !container.isConnected || ++lostRereads > MAX_LOST_REREADS) return;
      scheduler.add(readRegion(container, false, view, filters, page, hooks), PRIORITY.changes);
    },
    pending: (block) => drawing.wait(block),
  };

  function begin(): void {
    // A document in design mode is one big editor: nothing to highlight.
    const body = doc.body;
    if (!body || doc.designMode === 'on') return;
    mutations.observe(doc.documentElement);
    scheduler.add(initialRead(body), PRIORITY.initial);
  }

  function* initialRead(body: HTMLElement): Generator<undefined, void> {
    yield* readRegion(body, false, view, filters, page, hooks);
    deps.onSummary?.();
  }

  function onChanges(batch: ChangeBatch): void {
    if (!alive()) return stop();
    scheduler.add(readChanges(batch), PRIORITY.changes);
  }

  function* readChanges(batch: ChangeBatch): Generator<undefined, void> {
    if (batch.removed) for (const gone of page.disconnected()) hooks.forget(gone);
    for (const container of batch.containers) {
      if (container.isConnected) yield* readRegion(container, true, view, filters, page, hooks);
    }
    // An added element inside another added one is read with it.
    const added = new Set(batch.added);
    for (const el of added) {
      let inner = false;
      for (let up = el.parentNode; up && !inner; up = up.parentNode) inner = added.has(up as Element);
      if (!inner && el.isConnected) yield* readRegion(el, false, view, filters, page, hooks);
    }
    deps.onSummary?.();
  }

  function clearAll(): void {
    scheduler.clear();
    drawing.reset();
    mutations.ownWrites(() => engine.removeAll());
    page.clear();
    lastRevealed = undefined;
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    mutations.disconnect();
    scheduler.clear();
    drawing.disconnect();
    engine.removeAll();
    styles.release();
    page.clear();
  }

  begin();

  return {
    summary: () => page.summary(view.entryIds),
    reveal(id) {
      const entry = view.entryIds.indexOf(id);
      if (entry < 0 || stopped) return false;
      drawing.drawEntryNow(page.states.values(), entry);
      const mark = nextOccurrence(occurrences(roots, id), lastRevealed);
      if (!mark) return false;
      lastRevealed = mark;
      focusMark(mark);
      return true;
    },
    setOptions(nextView, nextFilters) {
      if (stopped) return;
      clearAll();
      view = nextView;
      filters = nextFilters;
      if (doc.body && doc.designMode !== 'on') scheduler.add(initialRead(doc.body), PRIORITY.initial);
    },
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
