/** Shared steps of the highlight end-to-end tests. */
import type { Frame, Page, Worker } from 'playwright-core';
import { tabSummary, type PageSummary } from '../bench/lib/page-summary';

// The parts of the worker's global these helpers touch.
declare const chrome: {
  storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

export const DEFAULT_SETTINGS = {
  enabled: true,
  disabledSites: [] as string[],
  density: 'all' as 'all' | 'first',
  hiddenCategories: [] as string[],
  language: 'auto',
};

/** Writes the reader's settings the way the popup does: into `sync` storage, watched by content scripts. */
export async function writeSettings(worker: Worker, change: Partial<typeof DEFAULT_SETTINGS>): Promise<void> {
  await worker.evaluate((settings) => chrome.storage.sync.set({ settings }), { ...DEFAULT_SETTINGS, ...change });
}

/** [entry id, text] of every highlight piece under `selector` (default: the whole body), in order. */
export function marksIn(target: Page | Frame, selector = 'body'): Promise<[string, string][]> {
  return target.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} mark[data-glossary-id]`)].map(
        (m) => [m.getAttribute('data-glossary-id')!, m.textContent!] as [string, string],
      ),
    selector,
  );
}

/** Waits until the number of highlight pieces stops changing (and is at least `min`). */
export async function settledMarks(target: Page | Frame, min = 1, quietMs = 400): Promise<[string, string][]> {
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const count = await target.evaluate(() => document.querySelectorAll('mark[data-glossary-id]').length);
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (count >= min && Date.now() - stableSince >= quietMs) {
      return marksIn(target);
    }
    if (Date.now() > deadline) throw new Error(`highlights did not settle (last count ${count}, wanted ≥ ${min})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until `target` has no highlights left. */
export async function noMarks(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() => document.querySelectorAll('mark[data-glossary-id]').length === 0, null, {
    timeout: 10_000,
  });
}

/** Sends `message` to the top frame of `page`'s tab from the service worker, as the popup does. */
export async function askTab(worker: Worker, page: Page, message: unknown): Promise<unknown> {
  await page.bringToFront();
  return worker.evaluate(async (msg) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab!.id!, msg, { frameId: 0 });
  }, message);
}

/**
 * Finds the tab showing `url` by asking every tab's content script for its page summary,
 * until the summary satisfies `ready` (by default, any answer).
 */
export async function tabWithUrl(
  worker: Worker,
  url: string,
  ready: (summary: PageSummary) => boolean = () => true,
): Promise<{ id: number; summary: PageSummary }> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const found = await tabSummary(worker, url);
    if (found && ready(found.summary)) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no tab reports ${url}`);
}
