/**
 * Scrolling a loaded page at a reader's skimming pace, traced: what the page's main thread
 * spends per second of scrolling, with the extension and without. With it, every frame may
 * bring blocks near the viewport (their marks drawn, the page laid out again), and the
 * browser works out for each block the extension still waits for whether it came near
 * (IntersectionObserver), on every frame.
 */
import type { BrowserContext } from 'playwright-core';
import { LOAD_TIMEOUT_MS } from './measure-load';
import { mainThreadOf, startTrace, stopTrace, taskUs, type TraceEvent } from './trace';

export interface ScrollCost {
  /** Main-thread time (all tasks) per second of scrolling, ms. */
  perSecondMs: number;
  longestTaskMs: number;
  /** Per second of scrolling: the browser's IntersectionObserver computations, and layout (ms). */
  intersectionPerSecondMs: number;
  layoutPerSecondMs: number;
  /** Animation frames that ran per second (60 when no frame was late). */
  framesPerSecond: number;
  /** Highlights drawn by the end (marks and painted ranges). */
  drawn: number;
}

/** How long each pass scrolls, and how far per frame: 40 px at 60 Hz is 2,400 px (about three screens) a second. */
export const SCROLL_SECONDS = 3;
const PX_PER_FRAME = 40;

/**
 * Scrolls from the top for SCROLL_SECONDS (or to the bottom), one step per animation frame,
 * in the page (a string: see in-page.ts on why not a function).
 */
const SCROLL = `new Promise((resolve) => {
  const started = performance.now();
  let frames = 0;
  function step() {
    frames++;
    const before = window.scrollY;
    window.scrollBy(0, ${PX_PER_FRAME});
    const atBottom = window.scrollY === before;
    const elapsed = performance.now() - started;
    if (elapsed < ${SCROLL_SECONDS * 1000} && !atBottom) requestAnimationFrame(step);
    else resolve({ frames, seconds: elapsed / 1000 });
  }
  requestAnimationFrame(step);
})`;

const COUNT_DRAWN = `(() => {
  let n = document.querySelectorAll('mark[data-glossary-id]').length;
  globalThis.CSS?.highlights?.forEach((h, name) => { if (name.startsWith('columnlens-')) n += h.size; });
  return n;
})()`;

const sumUs = (events: readonly TraceEvent[], pid: number, tid: number, name: string) =>
  events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e.name === name)
    .reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);

/** Loads `url`, leaves it `settleMs`, then traces one scrolling pass. */
export async function measureScrolling(context: BrowserContext, url: string, settleMs: number): Promise<ScrollCost> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const cdp = await context.newCDPSession(page);
    await startTrace(cdp);
    const { frames, seconds } = (await page.evaluate(SCROLL)) as { frames: number; seconds: number };
    const events = await stopTrace(cdp);
    await cdp.detach();
    const thread = mainThreadOf(events, url);
    const inThread = (name: string) => sumUs(events, thread.pid, thread.tid, name);
    const perSecond = (us: number) => us / 1000 / Math.max(seconds, 0.001);
    return {
      perSecondMs: perSecond(thread.tasks.reduce((sum, t) => sum + taskUs(t), 0)),
      longestTaskMs: Math.max(0, ...thread.tasks.map(taskUs)) / 1000,
      intersectionPerSecondMs: perSecond(inThread('IntersectionObserverController::computeIntersections')),
      layoutPerSecondMs: perSecond(inThread('Layout') + inThread('UpdateLayoutTree')),
      framesPerSecond: frames / Math.max(seconds, 0.001),
      drawn: Number(await page.evaluate(COUNT_DRAWN)),
    };
  } finally {
    await page.close();
  }
}

/** Medians of `runs` passes (longest task: the worst). */
export async function scrollingRuns(
  context: BrowserContext,
  url: string,
  runs: number,
  settleMs: number,
): Promise<ScrollCost> {
  const all: ScrollCost[] = [];
  for (let r = 0; r < runs; r++) all.push(await measureScrolling(context, url, settleMs));
  const median = (key: keyof ScrollCost) => {
    const sorted = all.map((c) => c[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    perSecondMs: median('perSecondMs'),
    longestTaskMs: Math.max(...all.map((c) => c.longestTaskMs)),
    intersectionPerSecondMs: median('intersectionPerSecondMs'),
    layoutPerSecondMs: median('layoutPerSecondMs'),
    framesPerSecond: median('framesPerSecond'),
    drawn: median('drawn'),
  };
}
