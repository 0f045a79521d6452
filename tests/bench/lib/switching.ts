/**
 * Switching highlights on and off on a page that is already loaded and idle, traced. On an
 * idle page without scripts, every task after the switch is the extension's doing: its own
 * script and the style, layout and paint its marks cause. This is the like-for-like
 * comparison with mark.js, which is also run on a loaded page.
 */
import type { Page, Worker } from 'playwright-core';
import { setHighlightsEnabled } from './extension-settings';
import { waitForHighlights } from './highlight-wait';
import { pageExpression } from './in-page';
import { scrollThrough } from './scroll-through';
import { longestOf, median, worstTasks, type TaskSummary } from './task-stats';
import { mainThreadOf, startTrace, stopTrace, taskUs, type MainThread } from './trace';

export interface Switching {
  /** Highlights on the page when switched off (after scrolling through, so all are drawn). */
  marks: number;
  /** Main-thread time of the extension's tasks after the switch and of the tasks right after them (the relayout), in ms. */
  mainThreadMs: number;
  /** From the extension's first task after the switch to the end of its last one, in ms. */
  spanMs: number;
  longestExtensionTaskMs: number;
  /** What that task was, and when: ms after the extension's first task after the switch. */
  longestExtensionTask?: TaskSummary;
  /** Longest of those tasks (e.g. the relayout after marks come or go). */
  longestTaskMs: number;
}

const ms = (us: number) => us / 1000;

/** Traces `settleMs` after flipping the setting, without touching the page meanwhile. */
async function tracedSwitch(
  page: Page,
  serviceWorker: Worker,
  enabled: boolean,
  settleMs: number,
): Promise<MainThread> {
  const cdp = await page.context().newCDPSession(page);
  await startTrace(cdp);
  await setHighlightsEnabled(serviceWorker, enabled);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const thread = mainThreadOf(await stopTrace(cdp), page.url());
  await cdp.detach();
  return thread;
}

/** How long after the extension's last task its effects (style, layout, paint of the change) are counted. */
const AFTERMATH_US = 500_000;

function summarize(thread: MainThread, marks: number): Switching {
  const ext = thread.tasks.filter((t) => t.extension);
  if (ext.length === 0) return { marks, mainThreadMs: 0, spanMs: 0, longestExtensionTaskMs: 0, longestTaskMs: 0 };
  const from = ext[0]!.start;
  const to = ext[ext.length - 1]!.end;
  // The extension's tasks and what the browser does right after them (the relayout), not
  // unrelated tasks later in the traced window.
  const caused = thread.tasks.filter((t) => t.start >= from && t.start <= to + AFTERMATH_US);
  const longest = longestOf(ext, from);
  return {
    marks,
    mainThreadMs: ms(caused.reduce((sum, t) => sum + taskUs(t), 0)),
    spanMs: ms(to - from),
    longestExtensionTaskMs: longest.ms,
    longestExtensionTask: longest.task,
    longestTaskMs: ms(Math.max(...caused.map(taskUs))),
  };
}

/**
 * Several switches as one: medians of the times and highlights, the worst of the longest
 * tasks (with the description of the run it came from), as loads are summed up.
 */
export function medianSwitching(runs: readonly Switching[]): Switching {
  const pick = (key: 'marks' | 'mainThreadMs' | 'spanMs') => median(runs.map((r) => r[key])) ?? 0;
  return { marks: pick('marks'), mainThreadMs: pick('mainThreadMs'), spanMs: pick('spanMs'), ...worstTasks(runs) };
}

/** Switches on a page loaded with highlights off and measures; leaves highlights on. */
export async function measureSwitchOn(page: Page, serviceWorker: Worker, settleMs: number): Promise<Switching> {
  const thread = await tracedSwitch(page, serviceWorker, true, settleMs);
  const drawn = await waitForHighlights(page, { quietMs: 300 });
  return summarize(thread, drawn.count);
}

/** Scrolls through `page` so every highlight is drawn, then switches off and measures. Leaves highlights off. */
export async function measureSwitchOff(page: Page, serviceWorker: Worker, settleMs: number): Promise<Switching> {
  const marks = Number(
    await page.evaluate(
      pageExpression(scrollThrough, { windowPass: true, places: [], settleMs: 150, maxWaitMs: 10_000 }),
    ),
  );
  const thread = await tracedSwitch(page, serviceWorker, false, settleMs);
  const left = await waitForHighlights(page, { exact: 0, quietMs: 200, timeoutMs: 30_000 });
  if (left.timedOut) throw new Error(`Switched off, ${left.count} highlights remain`);
  return summarize(thread, marks);
}
