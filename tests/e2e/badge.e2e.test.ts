/** The toolbar badge in real Chromium: distinct entries per tab, cleared on navigation and when switched off. */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';
import { startServer, type TestServer } from './harness/server';

// The parts of the worker's global this file touches.
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
};

interface Summary {
  url: string;
  counts: Record<string, number>;
}

/** Finds the tab showing `url` by asking every tab's content script for its page summary. */
async function tabWithUrl(worker: Worker, url: string): Promise<{ id: number; summary: Summary }> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const found = await worker.evaluate(async (wanted) => {
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const reply = (await chrome.tabs
          .sendMessage(tab.id, { type: 'get-page-summary' }, { frameId: 0 })
          .catch(() => null)) as Summary | null;
        if (reply?.url === wanted) return { id: tab.id, summary: reply };
      }
      return null;
    }, url);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no tab reports ${url}`);
}

/** Polls the badge of `tabId` until `wanted` holds; returns the last text seen. */
async function badgeOf(worker: Worker, tabId: number, wanted: (text: string) => boolean): Promise<string> {
  let text = '';
  for (let i = 0; i < 60; i++) {
    text = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (wanted(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

const distinct = (summary: Summary) => Object.values(summary.counts).filter((n) => n > 0).length;

describe('the toolbar badge in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension(), startServer()]);
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows how many distinct entries the page contains', async () => {
    await page.goto(`${server.origin}/fixtures/ui-article.html`);
    await page.waitForSelector('mark[data-glossary-id]');
    const tab = await tabWithUrl(browser.serviceWorker, page.url());
    tabId = tab.id;
    const expected = distinct(tab.summary);
    expect(expected).toBeGreaterThan(3);
    expect(await badgeOf(browser.serviceWorker, tabId, (t) => t === String(expected))).toBe(String(expected));
  });

  it('is empty when highlights are switched off, and comes back', async () => {
    const worker = browser.serviceWorker;
    const before = await badgeOf(worker, tabId, (t) => t !== '');
    const settings = (await worker.evaluate(() => chrome.storage.sync.get('settings'))).settings ?? {
      enabled: true,
      disabledSites: [],
      density: 'all',
      hiddenCategories: [],
      language: 'auto',
    };
    await worker.evaluate((s) => chrome.storage.sync.set({ settings: { ...s, enabled: false } }), settings);
    expect(await badgeOf(worker, tabId, (t) => t === '')).toBe('');
    await worker.evaluate((s) => chrome.storage.sync.set({ settings: { ...s, enabled: true } }), settings);
    expect(await badgeOf(worker, tabId, (t) => t === before)).toBe(before);
  });

  it('clears when the tab navigates to a page without entries', async () => {
    await page.goto(`${server.origin}/fixtures/ui-plain.html`);
    await tabWithUrl(browser.serviceWorker, page.url());
    expect(await badgeOf(browser.serviceWorker, tabId, (t) => t === '')).toBe('');
    // And it stays empty: the new page reports nothing.
    await page.waitForTimeout(1500);
    expect(await badgeOf(browser.serviceWorker, tabId, () => true)).toBe('');
  });

  it('clears when the tab leaves for a page no content script runs on', async () => {
    await page.goto(`${server.origin}/fixtures/ui-article.html`);
    await page.waitForSelector('mark[data-glossary-id]');
    expect(await badgeOf(browser.serviceWorker, tabId, (t) => t !== '')).not.toBe('');
    await page.goto('about:blank');
    expect(await badgeOf(browser.serviceWorker, tabId, (t) => t === '')).toBe('');
    // Chrome resets a tab's badge on navigation by itself; the extension must also forget the
    // old page's entries, or the next settings change would bring the stale count back.
    const worker = browser.serviceWorker;
    const settings = (await worker.evaluate(() => chrome.storage.sync.get('settings'))).settings as object;
    await worker.evaluate((s) => chrome.storage.sync.set({ settings: { ...s, density: 'first' } }), settings);
    await worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
    await page.waitForTimeout(500);
    expect(await badgeOf(worker, tabId, () => true)).toBe('');
  });
});
