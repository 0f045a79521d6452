/**
 * What the content script found on a whole page (drawn or not yet drawn), asked the way the
 * popup asks: a `get-page-summary` message to the tab's top frame, sent from the worker.
 */
import type { Worker } from 'playwright-core';

// Only the part of the worker's global this function touches.
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

/** What a tab's content script answers to `get-page-summary`. */
export interface PageSummary {
  url: string;
  counts: Record<string, number>;
}

/** The tab showing `url` and its content script's summary, or undefined if no tab answers. */
export async function tabSummary(
  serviceWorker: Worker,
  url: string,
): Promise<{ id: number; summary: PageSummary } | undefined> {
  return serviceWorker.evaluate(async (pageUrl) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const reply = (await chrome.tabs.sendMessage(tab.id, { type: 'get-page-summary' }, { frameId: 0 })) as
          PageSummary | undefined;
        if (reply?.url === pageUrl) return { id: tab.id, summary: reply };
      } catch {
        // A tab without our content script (about:blank) has no one to answer.
      }
    }
    return undefined;
  }, url);
}

/** Occurrences per entry id on the tab showing `url`, or undefined if no tab answers. */
export async function pageSummary(serviceWorker: Worker, url: string): Promise<Record<string, number> | undefined> {
  return (await tabSummary(serviceWorker, url))?.summary.counts;
}

/** Total occurrences in a summary. */
export function summaryTotal(counts: Record<string, number> | undefined): number {
  return Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0);
}

/**
 * Waits until the extension's count for the page stops changing (its first read of a large
 * page takes a while), polling every `intervalMs`. Returns the last total.
 */
export function settledSummaryTotal(
  serviceWorker: Worker,
  url: string,
  intervalMs = 700,
  timeoutMs = 60_000,
): Promise<number> {
  return settledTotal(async () => summaryTotal(await pageSummary(serviceWorker, url)), intervalMs, timeoutMs);
}

/** The same with any way of reading the count (`read`), e.g. from a Firefox extension page. */
export async function settledTotal(read: () => Promise<number>, intervalMs = 700, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let last = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const now = await read();
    if (now === last || Date.now() - started > timeoutMs) return now;
    last = now;
  }
}
