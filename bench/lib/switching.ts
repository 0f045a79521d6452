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
import { scrollThrough } from './page-probes';
import { mainThreadOf, startTrace, stopTrace, type MainThread } from './trace';

export interface Switching {
  /** Highlights on the page when switched off (after scrolling through, so all are drawn). */
  marks: number;
  /** Every main-thread task from the extension's first task after the switch on, in ms. */
  mainThreadMs: number;
  /** From that first task to the end of the last one, in ms. */
  spanMs: number;
  longestExtensionTaskMs: number;
  /** Longest task of any kind in the span (e.g. the relayout after marks come or go). */
  longestTaskMs: number;
}

const ms = (us: number) => us / 1000;

/** Traces `settleMs` after flipping the setting, without touching the page meanwhile. */
async function tracedSwitch(page: Page, serviceWorker: Worker, enabled: boolean, settleMs: number): Promise<MainThread> {
  const cdp = await page.context().newCDPSession(page);
  await startTrace(cdp);
  await setHighlightsEnabled(serviceWorker, enabled);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const thread = mainThreadOf(await stopTrace(cdp), page.url());
  await cdp.detach();
  return thread;
}

function summarize(thread: MainThread, marks: number): Switching {
  const ext = thread.tasks.filter((t) => t.extension);
  const after = ext.length ? thread.tasks.filter((t) => t.start >= ext[0]!.start) : [];
  return {
    marks,
    mainThreadMs: ms(after.reduce((sum, t) => sum + t.end - t.start, 0)),
    spanMs: after.length ? ms(after[after.length - 1]!.end - after[0]!.start) : 0,
    longestExtensionTaskMs: ms(Math.max(0, ...ext.map((t) => t.end - t.start))),
    longestTaskMs: ms(Math.max(0, ...after.map((t) => t.end - t.start))),
  };
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
    await page.evaluate(pageExpression(scrollThrough, { windowPass: true, places: [], settleMs: 150, maxWaitMs: 10_000 })),
  );
  const thread = await tracedSwitch(page, serviceWorker, false, settleMs);
  const left = await waitForHighlights(page, { exact: 0, quietMs: 200, timeoutMs: 30_000 });
  if (left.timedOut) throw new Error(`Switched off, ${left.count} highlights remain`);
  return summarize(thread, marks);
}
