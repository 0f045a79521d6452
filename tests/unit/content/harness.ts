/**
 * Starts a highlighter on jsdom's document with test doubles for time and the viewport: the
 * one set-up the highlighter's unit and robustness tests share.
 */
import type { EngineChoice } from '../../../src/content/engine-choice';
import { glossaryView } from '../../../src/content/glossary-view';
import {
  startHighlighter,
  type DisplayFilters,
  type GlossaryView,
  type Highlighter,
  type HighlighterDeps,
} from '../../../src/content/highlighter';
import type { Timers } from '../../../src/content/mutations';
import type { SliceHost } from '../../../src/content/scheduler';
import type { ViewportWatcherFactory } from '../../../src/content/viewport';
import { everythingNear } from '../../../src/content/viewport';
import { inMemoryGlossary } from '../../../src/glossary-store/in-memory-glossary';
import type { RuntimeEntry } from '../../../src/glossary-store/runtime-entry';
import { fakeView } from './fake-scanner';

export const ALL: DisplayFilters = { density: 'all', hiddenCategories: new Set() };

/** A viewport the test moves by hand: nothing is near until `bringNear` says so. */
export function manualViewport() {
  const watched = new Set<Element>();
  let report: ((els: Element[]) => void) | undefined;
  const factory: ViewportWatcherFactory = (onNear) => {
    report = onNear;
    return {
      observe: (el) => watched.add(el),
      unobserve: (el) => watched.delete(el),
      disconnect: () => watched.clear(),
    };
  };
  return {
    factory,
    watched,
    bringNear(...els: Element[]) {
      report?.(els.filter((el) => watched.has(el)));
    },
  };
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/** Timers (real ones by default), counted, so a test can tell whether anything is still scheduled. */
export function countingTimers(base: Timers = realTimers) {
  const live = new Set<unknown>();
  let started = 0;
  const timers: Timers = {
    setTimeout(run, ms) {
      started++;
      const id = base.setTimeout(() => {
        live.delete(id);
        run();
      }, ms);
      live.add(id);
      return id;
    },
    clearTimeout(id) {
      live.delete(id);
      base.clearTimeout(id);
    },
    now: () => base.now(),
  };
  return {
    timers,
    get pending() {
      return live.size;
    },
    get started() {
      return started;
    },
  };
}

/**
 * A scheduler host and timers the test advances by hand, one slice (one step of the clock)
 * at a time: for catching the highlighter at a chosen point of its work.
 */
export function manualTime() {
  const slices: (() => void)[] = [];
  const timers = new Map<number, () => void>();
  let clock = 0;
  let nextId = 1;
  return {
    sliceHost: { now: () => ++clock, later: (slice: () => void) => void slices.push(slice) } satisfies SliceHost,
    timers: {
      setTimeout: (run: () => void) => (timers.set(nextId, run), nextId++),
      clearTimeout: (id: unknown) => void timers.delete(id as number),
      now: () => clock,
    } satisfies Timers,
    runSlices(count: number) {
      for (let i = 0; i < count && slices.length > 0; i++) slices.shift()!();
    },
    /** Runs everything queued, page-change timers included, until nothing is left. */
    async drain() {
      for (let round = 0; round < 10_000; round++) {
        await Promise.resolve(); // MutationObserver callbacks are microtasks
        const [id, timer] = timers.entries().next().value ?? [];
        if (id !== undefined) timers.delete(id);
        const run = timer ?? slices.shift();
        if (!run) return;
        run();
      }
      throw new Error('never drained');
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The highlighter's view of a glossary of `entries`, compiled by the real matcher. */
export function viewOf(entries: readonly RuntimeEntry[]): GlossaryView {
  return glossaryView(inMemoryGlossary('test', entries));
}

type FakeView = ReturnType<typeof fakeView>;

export interface StartOptions<V extends GlossaryView> {
  /** The page: set as the body's HTML first (by default the body is left as the test built it). */
  html?: string;
  /** The glossary as the highlighter sees it (by default the fake scanner's test glossary). */
  view?: V;
  filters?: DisplayFilters;
  viewport?: ViewportWatcherFactory;
  /** Time the test drives itself (`manualTime()`, or just slices); by default real time. Timers are counted either way. */
  time?: { sliceHost: SliceHost; timers?: Timers };
  budgetMs?: number;
  isAlive?: () => boolean;
  onSummary?: () => void;
  changeTiming?: { delay: number; cooldown: number };
  engineChoice?: EngineChoice;
  visit?: HighlighterDeps['visit'];
  canVisit?: HighlighterDeps['canVisit'];
}

export interface Started<V extends GlossaryView = FakeView> {
  highlighter: Highlighter;
  view: V;
  timers: ReturnType<typeof countingTimers>;
}

/** Starts on the current document and returns at once: the first pass runs as time allows. */
export function launch<V extends GlossaryView = FakeView>(options: StartOptions<V> = {}): Started<V> {
  if (options.html !== undefined) document.body.innerHTML = options.html;
  // Without `view`, V is its default, FakeView.
  const view = options.view ?? (fakeView() as GlossaryView as V);
  const timers = countingTimers(options.time?.timers);
  const highlighter = startHighlighter(
    {
      document,
      window: window as Window & typeof globalThis,
      sliceHost: options.time?.sliceHost ?? { now: () => performance.now(), later: (slice) => setTimeout(slice, 0) },
      budgetMs: options.budgetMs,
      viewport: options.viewport ?? everythingNear,
      timers: timers.timers,
      isAlive: options.isAlive,
      onSummary: options.onSummary,
      changeTiming: options.changeTiming,
      engineChoice: options.engineChoice,
      visit: options.visit,
      canVisit: options.canVisit,
    },
    view,
    options.filters ?? ALL,
  );
  return { highlighter, view, timers };
}

/** Starts on the current document and waits for the first pass to finish. */
export async function start<V extends GlossaryView = FakeView>(options: StartOptions<V> = {}): Promise<Started<V>> {
  const started = launch(options);
  await started.highlighter.idle();
  return started;
}

/** Waits past the change delay and until the work it queued is done. */
export async function settle(highlighter: Highlighter, ms = 250): Promise<void> {
  await sleep(ms);
  await highlighter.idle();
}

export const marks = (root: ParentNode = document) =>
  [...root.querySelectorAll('mark.columnlens-mark')].map((m) => [m.getAttribute('data-glossary-id'), m.textContent]);

/**
 * Gives jsdom, which draws nothing, Chromium's `checkVisibility` for these pages: hidden is a
 * `hidden` ancestor or one styled `display: none` or `visibility: hidden`. Returns the undoing.
 */
export function stubCheckVisibility(): () => void {
  Element.prototype.checkVisibility = function (this: Element) {
    const shown = (el: Element | null): boolean => {
      if (!el) return true;
      const style = (el as HTMLElement).style;
      if (el.hasAttribute('hidden') || style?.display === 'none' || style?.visibility === 'hidden') return false;
      return shown(el.parentElement);
    };
    return shown(this);
  };
  return () => delete (Element.prototype as Partial<Element>).checkVisibility;
}
