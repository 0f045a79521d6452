/**
 * The toolbar badge in real Chromium: distinct entries per tab, cleared on navigation and when
 * switched off, back again when Back restores a page from the back/forward cache, and right
 * on a page Chromium prerendered before the reader opened it.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '../bench/lib/page-summary';
import { launchUnwatched, type UnwatchedChromium } from './harness/chromium-unwatched';
import { pollUntil } from './harness/poll';
import { startServer, type TestServer } from './harness/server';
import { chromiumSuite } from './harness/suite';
import { tabWithUrl } from './highlight-helpers';

// The parts of the worker's global this file touches.
declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    update(tabId: number, change: { url: string }): Promise<unknown>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
};

/** Polls the badge of `tabId` until `wanted` holds; returns the last text seen. */
const badgeOf = (worker: Worker, tabId: number, wanted: (text: string) => boolean) =>
  pollUntil(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), wanted);

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

  it('keeps its count when the page moves to an address of its own: a contents link, pushState, replaceState', async () => {
    // Chromium tells the background such a tab is "loading", as for a new page; the page stays.
    const worker = suite.browser.serviceWorker;
    const before = await badgeOf(worker, tabId, (t) => t !== '');
    for (const move of [
      'location.hash = "#part2"',
      'history.pushState({}, "", "?page=2")',
      'history.replaceState({}, "", "?page=3")',
      'history.back()',
    ]) {
      await page.evaluate(move);
      await page.waitForTimeout(1500);
      expect(await badgeOf(worker, tabId, () => true), move).toBe(before);
    }
  });

  it('follows a frame that navigates or is removed, and keeps the page’s own names meanwhile', async () => {
    // Chromium calls the tab "loading", with no new address, whenever a frame navigates (an ad
    // rotating): the badge went blank, or kept the frame's old names, until the page changed.
    const worker = suite.browser.serviceWorker;
    const inner = (name: string, text: string) =>
      suite.server.setPage(name, `<!doctype html><meta charset="utf-8"><p>${text}</p>`);
    const baidu = inner('frame-baidu', '百度发布新模型');
    const plain = inner('frame-plain', 'Weather: sunny');
    const tencent = inner('frame-tencent', '腾讯云降价');
    const top = suite.server.setPage(
      'frame-host',
      `<!doctype html><meta charset="utf-8"><iframe id="ad" src="${baidu}"></iframe><p>英伟达与阿里巴巴</p>`,
    );
    await page.goto(top);
    expect(await badgeOf(worker, tabId, (t) => t === '3')).toBe('3');
    const move = (url: string) =>
      page.evaluate((u) => ((document.getElementById('ad') as HTMLIFrameElement).src = u), url);
    await move(plain);
    expect(await badgeOf(worker, tabId, (t) => t === '2')).toBe('2');
    await move(tencent);
    expect(await badgeOf(worker, tabId, (t) => t === '3')).toBe('3');
    await page.evaluate(() => document.getElementById('ad')!.remove());
    expect(await badgeOf(worker, tabId, (t) => t === '2')).toBe('2');
    await page.reload();
    expect(await badgeOf(worker, tabId, (t) => t === '3')).toBe('3');
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

describe('the toolbar badge with a page Chromium prerendered', () => {
  // Chromium prerenders nothing while DevTools watches the page, so no Playwright here.
  let browser: UnwatchedChromium;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchUnwatched(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const badgeText = (tabId: number) => browser.inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  /** What the content script of the tab's page reports, once `ready` holds (as the popup asks). */
  const summaryOf = (tabId: number, ready: (summary: PageSummary) => boolean) =>
    pollUntil(
      () =>
        browser.inWorker(
          (id) =>
            chrome.tabs.sendMessage(id, { type: 'get-page-summary' }, { frameId: 0 }).catch(() => undefined) as Promise<
              PageSummary | undefined
            >,
          tabId,
        ),
      (reply) => reply !== undefined && ready(reply),
      { timeoutMs: 10_000 },
    );

  it('counts nothing on the page the reader sees while the next one prerenders, and counts that one once opened', async () => {
    const article = `${server.origin}/fixtures/ui-article.html`;
    // A page that names nothing, prerenders the article (as a news page or the address bar
    // may), and follows its link to it when its fragment changes.
    const start = server.setPage(
      'prerender-start',
      `<!doctype html><meta charset="utf-8"><title>Start</title><p>Nothing to highlight here.</p>
      <script type="speculationrules">{"prerender": [{"source": "list", "urls": ["${article}"]}]}</script>
      <script>addEventListener('hashchange', () => { location.href = ${JSON.stringify(article)}; });</script>`,
    );
    const tabId = await browser.inWorker(async () => (await chrome.tabs.query({}))[0]!.id!, null);
    await browser.inWorker((a) => chrome.tabs.update(a.tabId, { url: a.start }).then(() => true), { tabId, start });
    expect((await summaryOf(tabId, () => true))?.url).toBe(start);
    // Long enough for the prerendered article to be read, and to report if it reported unseen;
    // the activation below checks that it was prerendered that long before the reader opened it.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await badgeText(tabId)).toBe('');

    await browser.inWorker((a) => chrome.tabs.update(a.tabId, { url: `${a.start}#go` }).then(() => true), {
      tabId,
      start,
    });
    const summary = await summaryOf(tabId, (reply) => Object.keys(reply.counts).length > 0);
    expect(summary?.url).toBe(article);
    // The reader got the prerendered page, not a new load of it, prerendered seconds before.
    const opened = await browser.attachPage((url) => url === article);
    const activationStart = () => performance.getEntriesByType('navigation')[0]!.toJSON().activationStart;
    expect(await opened.evaluate(activationStart, null)).toBeGreaterThan(2000);
    const expected = String(distinct(summary!));
    expect(
      await pollUntil(
        () => badgeText(tabId),
        (t) => t === expected,
      ),
    ).toBe(expected);
  });
});
