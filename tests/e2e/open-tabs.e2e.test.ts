/**
 * Tabs open when ColumnLens is installed: Chromium starts a manifest's content scripts only in
 * pages loaded later, so the background starts them in the tabs already open. The browser
 * here starts without the extension, on an article, and the extension is installed into it as
 * a reader installs it (CDP `Extensions.loadUnpacked`), the article still open. An update
 * takes the same path (`runtime.onInstalled`, reason "update"); a command-line build cannot
 * be updated in place here (`runtime.reload()` unloads it for good).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchUnwatched, type AttachedPage, type UnwatchedChromium } from './harness/chromium-unwatched';
import { pollUntil } from './harness/poll';
import { startServer, type TestServer } from './harness/server';

// The part of the worker's global this file touches.
declare const chrome: {
  scripting: {
    executeScript(injection: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
  };
  runtime: { getManifest(): { content_scripts: { js: string[] }[] } };
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

const marks = () =>
  [...document.querySelectorAll('mark[data-glossary-id]')].map(
    (m) => `${m.getAttribute('data-glossary-id')}:${m.textContent}`,
  );

describe('tabs open when ColumnLens is installed', () => {
  let browser: UnwatchedChromium;
  let server: TestServer;
  let page: AttachedPage;
  let url: string;

  beforeAll(async () => {
    server = await startServer();
    url = `${server.origin}/fixtures/ui-article.html`;
    browser = await launchUnwatched(undefined, { installLater: true, startUrl: url });
    page = await browser.attachPage((u) => u === url);
    await pollUntil(
      () => page.evaluate(() => document.readyState, null),
      (state) => state === 'complete',
    );
    expect(await page.evaluate(marks, null)).toEqual([]);
    await browser.install();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('are highlighted without a reload, and answer the popup', async () => {
    const drawn = await pollUntil(
      () => page.evaluate(marks, null),
      (list) => list.length >= 3,
    );
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    // The popup's question reaches a live script in the tab.
    const answer = await browser.inWorker(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'get-page-summary' }, { frameId: 0 });
    }, url);
    expect(answer).toMatchObject({ counts: expect.objectContaining({ nvidia: expect.any(Number) }) });
    // Styled by the content CSS that came with the script.
    const underline = await page.evaluate(
      () => getComputedStyle(document.querySelector('mark[data-glossary-id]')!).textDecorationLine,
      null,
    );
    expect(underline).toBe('underline');
  });

  it('hands over from a copy already running to a newer one, which draws the same highlights once', async () => {
    const before = await page.evaluate(marks, null);
    // Kept in the page's world, to tell afterwards whether these marks were replaced.
    await page.evaluate(() => {
      (window as unknown as { oldMark: Element | null }).oldMark = document.querySelector('mark[data-glossary-id]');
    }, null);
    // What an update does to a tab: the new version's script arrives beside the old one.
    await browser.inWorker(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const files = chrome.runtime.getManifest().content_scripts[0]!.js;
      await chrome.scripting.executeScript({ target: { tabId: tab!.id!, allFrames: true }, files });
    }, url);
    // Settled: the old copy took its marks away and the new one drew them again.
    const settled = async () => {
      let last = '';
      for (;;) {
        await new Promise((r) => setTimeout(r, 400));
        const now = JSON.stringify(await page.evaluate(marks, null));
        if (now === last) return JSON.parse(now) as string[];
        last = now;
      }
    };
    const after = await settled();
    const nested = await page.evaluate(() => document.querySelectorAll('mark mark').length, null);
    expect([nested, after]).toEqual([0, before]);
    // The old copy's marks are gone: the new copy drew these.
    const oldStays = await page.evaluate(() => (window as unknown as { oldMark: Element }).oldMark.isConnected, null);
    expect(oldStays).toBe(false);
  });
});
