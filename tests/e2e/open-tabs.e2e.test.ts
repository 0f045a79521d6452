/**
 * Tabs open when ColumnLens is installed: Chromium starts a manifest's content scripts only in
 * pages loaded later, so the background starts them in the tabs already open. The browser
 * here starts without the extension, on an article, and the extension is installed into it as
 * a reader installs it (CDP `Extensions.loadUnpacked`), the article still open. An update
 * takes the same path (`runtime.onInstalled`, reason "update"); a command-line build cannot
 * be updated in place here (`runtime.reload()` unloads it for good). With more tabs than start
 * at once, the one in front starts now, each other one when shown, and one that has loaded a
 * page since (its own script came with it) is not given a second copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABS_AT_ONCE } from '../../src/background/open-tabs';
import { CHROME_BUILD } from './harness/chromium';
import {
  launchUnwatched,
  unpackedExtensionId,
  type AttachedPage,
  type UnwatchedChromium,
} from './harness/chromium-unwatched';
import { pollUntil } from './harness/poll';
import { startServer, type TestServer } from './harness/server';

// The part of the worker's global this file touches.
declare const chrome: {
  scripting: {
    executeScript(injection: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
  };
  runtime: { getManifest(): { content_scripts: { js: string[] }[] } };
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string; active?: boolean }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    update(tabId: number, change: { active: boolean }): Promise<unknown>;
    reload(tabId: number): Promise<void>;
    onActivated: { hasListeners(): boolean };
  };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
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

describe('many tabs open when ColumnLens is installed', () => {
  let browser: UnwatchedChromium;
  let server: TestServer;
  const urls: string[] = [];
  /** The event each starting copy of the content script sends its elders (WXT's handover). */
  const STARTED = `${unpackedExtensionId(CHROME_BUILD)}:content:wxt:content-script-started`;

  /** Counts, in the page's own world, every copy of the script that starts there from now on. */
  const countStarts = (page: AttachedPage) =>
    page.evaluate((name) => {
      const w = window as unknown as { starts: number };
      w.starts = 0;
      document.addEventListener(name, () => w.starts++);
    }, STARTED);
  const starts = (page: AttachedPage) => page.evaluate(() => (window as unknown as { starts: number }).starts, null);
  const tabId = (url: string) => browser.inWorker(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  const waiting = () =>
    browser.inWorker(async () => (await chrome.storage.session.get('tabsToStart')).tabsToStart as number[], null);
  const loaded = (page: AttachedPage) =>
    pollUntil(
      () => page.evaluate(() => document.readyState, null),
      (state) => state === 'complete',
    );

  beforeAll(async () => {
    server = await startServer();
    for (let i = 0; i <= TABS_AT_ONCE + 1; i++) urls.push(`${server.origin}/fixtures/ui-article.html?tab=${i}`);
    browser = await launchUnwatched(undefined, { installLater: true, startUrl: urls[0] });
    for (const url of urls.slice(1)) await browser.openInBackground(url);
    for (const url of urls) await loaded(await browser.attachPage((u) => u === url));
    await browser.install();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts the tab in front at once and the others when shown, once, not again in one that loaded a page since', async () => {
    const front = await browser.attachPage((u) => u === urls[0]);
    await pollUntil(
      () => front.evaluate(marks, null),
      (list) => list.length >= 3,
    );
    const [reloaded, shown] = [urls[3]!, urls[5]!];
    const ids = { reloaded: await tabId(reloaded), shown: await tabId(shown) };
    expect(await waiting()).toEqual(expect.arrayContaining([ids.reloaded, ids.shown]));

    // A waiting tab loads its page again: the manifest's script comes with it.
    await browser.inWorker((id) => chrome.tabs.reload(id), ids.reloaded);
    const again = await browser.attachPage((u) => u === reloaded);
    await loaded(again);
    const answers = () =>
      browser.inWorker(
        (id) =>
          chrome.tabs.sendMessage(id, { type: 'get-page-summary' }, { frameId: 0 }).then(
            () => true,
            () => false,
          ),
        ids.reloaded,
      );
    await pollUntil(answers, (yes) => yes);
    await countStarts(again);
    const other = await browser.attachPage((u) => u === shown);
    await countStarts(other);

    // Shown, the reloaded tab is left as it is; the other gets its copy.
    await browser.inWorker((id) => chrome.tabs.update(id, { active: true }), ids.reloaded);
    await browser.inWorker((id) => chrome.tabs.update(id, { active: true }), ids.shown);
    await pollUntil(
      () => other.evaluate(marks, null),
      (list) => list.length >= 3,
    );
    expect(await starts(other)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await starts(again)).toBe(0);
    expect(await waiting()).not.toEqual(expect.arrayContaining([ids.reloaded]));
    expect(await waiting()).not.toEqual(expect.arrayContaining([ids.shown]));
  });

  it('stops listening to tab switches, which would wake its worker each time, once every tab has started', async () => {
    const switches = () => browser.inWorker(() => chrome.tabs.onActivated.hasListeners(), null);
    const left = await waiting();
    expect(left.length).toBeGreaterThan(0);
    expect(await switches()).toBe(true);
    for (const id of left) await browser.inWorker((tab) => chrome.tabs.update(tab, { active: true }), id);
    await pollUntil(waiting, (ids) => ids.length === 0);
    await pollUntil(switches, (listening) => !listening);
    // Every tab shown has its copy: the last one answers the popup.
    const answered = await browser.inWorker(
      (id) => chrome.tabs.sendMessage(id, { type: 'get-page-summary' }, { frameId: 0 }).then(Boolean, () => false),
      left[left.length - 1]!,
    );
    expect(answered).toBe(true);
  });
});
