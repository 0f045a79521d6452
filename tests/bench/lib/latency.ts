/**
 * What a reader waits for, on untraced loads: when the first and last highlight appear and
 * when the first read of the whole page is done. A trace records every task of the renderer
 * it watches and slows it: the latencies of a traced load are the tracer's as much as ours.
 *
 * "Read done" is when the content script's first report of the page's counts reaches the
 * background: it sends that report (the `page-summary` message the toolbar badge is built
 * from) as soon as its first read of the page ends, names found or not. Its arrival is taken
 * in the service worker, on the same wall clock as the page's, so it includes the message's
 * trip (a millisecond or two): the figure errs on the late side.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { LOAD_TIMEOUT_MS, MARK_CLOCK, markTimes } from './measure-load';
import { median } from './task-stats';

// Only the part of the worker's global these functions touch.
declare const chrome: {
  runtime: {
    onMessage: {
      addListener(listener: (message: unknown, sender: { url?: string; frameId?: number }) => undefined): void;
    };
  };
};

/** One load's latencies, ms after DOMContentLoaded starts (undefined: did not happen within the wait). */
export interface Latency {
  firstHighlightMs?: number;
  lastHighlightMs?: number;
  readDoneMs?: number;
  /** Read done and every highlight of the load drawn: the later of the two. */
  completeMs?: number;
}

/** The worker's record of when each top frame's first report arrived (epoch ms), by URL. */
const ARRIVALS = '__columnlensBenchReports';

/** Starts recording first reports in the worker afresh; listens once per worker life. */
async function expectReport(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate((key) => {
    const scope = globalThis as unknown as Record<string, Record<string, number> | undefined>;
    let arrivals = scope[key];
    if (!arrivals) {
      const record: Record<string, number> = (arrivals = scope[key] = {});
      // Never answers: the extension's own listeners reply to their messages.
      chrome.runtime.onMessage.addListener((message, sender) => {
        const type = (message as { type?: unknown } | null)?.type;
        if (type === 'page-summary' && sender.frameId === 0 && sender.url && !(sender.url in record))
          record[sender.url] = Date.now();
        return undefined;
      });
    }
    // Loads are timed one at a time: whatever was heard before is another load's (the
    // page's final URL may differ from the one asked for, so not only its key goes).
    for (const seen of Object.keys(arrivals)) delete arrivals[seen];
  }, ARRIVALS);
}

async function reportArrival(serviceWorker: Worker, url: string): Promise<number | undefined> {
  return serviceWorker.evaluate(
    ({ key, pageUrl }) => (globalThis as unknown as Record<string, Record<string, number> | undefined>)[key]?.[pageUrl],
    { key: ARRIVALS, pageUrl: url },
  );
}

/**
 * Loads `url` untraced, waits `settleMs` and reads the latencies. Returns the page, open.
 * Without the extension's worker (a browser without the extension) "read done" and
 * "complete" stay undefined.
 */
export async function untracedLoad(
  context: BrowserContext,
  serviceWorker: Worker | undefined,
  url: string,
  settleMs: number,
): Promise<{ page: Page; latency: Latency; drawn: number; engine: string }> {
  const page = await context.newPage();
  await page.addInitScript(MARK_CLOCK);
  if (serviceWorker) await expectReport(serviceWorker);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const marks = await markTimes(page);
  const readyEpochMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance.timeOrigin + nav.domContentLoadedEventStart;
  });
  const arrival = serviceWorker && (await reportArrival(serviceWorker, page.url()));
  const readDoneMs = arrival === undefined ? undefined : arrival - readyEpochMs;
  const completeMs = readDoneMs === undefined ? undefined : Math.max(readDoneMs, marks.lastAfterReadyMs ?? -Infinity);
  return {
    page,
    latency: {
      firstHighlightMs: marks.firstAfterReadyMs,
      lastHighlightMs: marks.lastAfterReadyMs,
      readDoneMs,
      completeMs,
    },
    drawn: marks.drawn,
    engine: marks.engine,
  };
}

/** Medians, figure by figure, of the loads where it happened. */
export function medianLatency(loads: readonly Latency[]): Latency {
  const pick = (key: keyof Latency) => median(loads.map((l) => l[key]));
  return {
    firstHighlightMs: pick('firstHighlightMs'),
    lastHighlightMs: pick('lastHighlightMs'),
    readDoneMs: pick('readDoneMs'),
    completeMs: pick('completeMs'),
  };
}
