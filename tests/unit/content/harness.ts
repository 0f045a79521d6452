/** Starts a highlighter on jsdom's document with test doubles for time and the viewport. */
import type { EngineChoice } from '../../../src/content/engine-choice';
import {
  startHighlighter,
  type DisplayFilters,
  type Highlighter,
  type HighlighterDeps,
} from '../../../src/content/highlighter';
import type { Timers } from '../../../src/content/mutations';
import type { ViewportWatcherFactory } from '../../../src/content/viewport';
import { everythingNear } from '../../../src/content/viewport';
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

/** Real timers, counted, so a test can tell whether anything is still scheduled. */
export function countingTimers() {
  const live = new Set<unknown>();
  let started = 0;
  const timers: Timers = {
    setTimeout(run, ms) {
      started++;
      const id = setTimeout(() => {
        live.delete(id);
        run();
      }, ms);
      live.add(id);
      return id;
    },
    clearTimeout(id) {
      live.delete(id);
      clearTimeout(id as ReturnType<typeof setTimeout>);
    },
    now: () => performance.now(),
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Started {
  highlighter: Highlighter;
  view: ReturnType<typeof fakeView>;
  timers: ReturnType<typeof countingTimers>;
}

/** Starts on the current document and waits for the first pass to finish. */
export async function start(
  options: {
    filters?: DisplayFilters;
    viewport?: ViewportWatcherFactory;
    isAlive?: () => boolean;
    onSummary?: () => void;
    changeTiming?: { delay: number; cooldown: number };
    engineChoice?: EngineChoice;
    visit?: HighlighterDeps['visit'];
  } = {},
): Promise<Started> {
  const view = fakeView();
  const timers = countingTimers();
  const highlighter = startHighlighter(
    {
      document,
      window: window as Window & typeof globalThis,
      sliceHost: { now: () => performance.now(), later: (slice) => setTimeout(slice, 0) },
      viewport: options.viewport ?? everythingNear,
      timers: timers.timers,
      isAlive: options.isAlive,
      onSummary: options.onSummary,
      changeTiming: options.changeTiming,
      engineChoice: options.engineChoice,
      visit: options.visit,
    },
    view,
    options.filters ?? ALL,
  );
  await highlighter.idle();
  return { highlighter, view, timers };
}

/** Waits past the change delay and until the work it queued is done. */
export async function settle(highlighter: Highlighter, ms = 250): Promise<void> {
  await sleep(ms);
  await highlighter.idle();
}

export const marks = (root: ParentNode = document) =>
  [...root.querySelectorAll('mark.columnlens-mark')].map((m) => [m.getAttribute('data-glossary-id'), m.textContent]);
