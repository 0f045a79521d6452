/**
 * The toolbar badge in real Chromium: distinct entries per tab, cleared on navigation and when
 * switched off, and back again when Back restores a page from the back/forward cache.
 */
import type { Page, Worker } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '../bench/lib/page-summary';
import { chromiumSuite } from './harness/suite';
import { tabWithUrl } from './highlight-helpers';

// The parts of the worker's global this file touches.
declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
};

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

const distinct = (summary: PageSummary) => Object.values(summary.counts).filter((n) => n > 0).length;

describe('the toolbar badge in Chromium', () => {
  // The back/forward cache on, as readers have it: Back must restore a page, not load it again.
  const suite = chromiumSuite({ backForwardCache: true });
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await suite.browser.context.newPage();
  });

  it('shows how many distinct entries the page contains', async () => {
    await page.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await page.waitForSelector('mark[data-glossary-id]');
    const tab = await tabWithUrl(suite.browser.serviceWorker, page.url());
    tabId = tab.id;
    const expected = distinct(tab.summary);
    expect(expected).toBeGreaterThan(3);
    expect(await badgeOf(suite.browser.serviceWorker, tabId, (t) => t === String(expected))).toBe(String(expected));
  });

  it('is empty when highlights are switched off, and comes back', async () => {
    const worker = suite.browser.serviceWorker;
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
    await page.goto(`${suite.server.origin}/fixtures/ui-plain.html`);
    await tabWithUrl(suite.browser.serviceWorker, page.url());
    expect(await badgeOf(suite.browser.serviceWorker, tabId, (t) => t === '')).toBe('');
    // And it stays empty: the new page reports nothing.
    await page.waitForTimeout(1500);
    expect(await badgeOf(suite.browser.serviceWorker, tabId, () => true)).toBe('');
  });

  it('clears when the tab leaves for a page no content script runs on', async () => {
    await page.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await page.waitForSelector('mark[data-glossary-id]');
    expect(await badgeOf(suite.browser.serviceWorker, tabId, (t) => t !== '')).not.toBe('');
    await page.goto('about:blank');
    expect(await badgeOf(suite.browser.serviceWorker, tabId, (t) => t === '')).toBe('');
    // Chrome resets a tab's badge on navigation by itself; the extension must also forget the
    // old page's entries, or the next settings change would bring the stale count back.
    const worker = suite.browser.serviceWorker;
    const settings = (await worker.evaluate(() => chrome.storage.sync.get('settings'))).settings as object;
    await worker.evaluate((s) => chrome.storage.sync.set({ settings: { ...s, density: 'first' } }), settings);
    await worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
    await page.waitForTimeout(500);
    expect(await badgeOf(worker, tabId, () => true)).toBe('');
  });

  it('counts again when Back brings the page back from the back/forward cache', async () => {
    const worker = suite.browser.serviceWorker;
    await page.goto(`${suite.server.origin}/fixtures/ui-article.html`);
    await page.waitForSelector('mark[data-glossary-id]');
    const expected = String(distinct((await tabWithUrl(worker, page.url())).summary));
    expect(await badgeOf(worker, tabId, (t) => t === expected)).toBe(expected);
    // Left on the page's window: still there after Back only if the page came from the cache.
    await page.evaluate(() => ((window as { leftBehind?: boolean }).leftBehind = true));
    await page.goto(`${suite.server.origin}/fixtures/ui-plain.html`);
    expect(await badgeOf(worker, tabId, (t) => t === '')).toBe('');
    // A page restored from the cache fires no load event: wait only for the navigation.
    await page.goBack({ waitUntil: 'commit' });
    expect(await page.evaluate(() => (window as { leftBehind?: boolean }).leftBehind)).toBe(true);
    expect(await page.locator('mark[data-glossary-id]').count()).toBeGreaterThan(0);
    // Chrome cleared the badge when the tab left the page, and its script does not run again.
    expect(await badgeOf(worker, tabId, (t) => t === expected)).toBe(expected);
  });
});
