/**
 * Scrolling a long page: highlights are drawn as text comes near, and the observer holds only
 * the blocks near the reader (src/content/intersection-watcher.ts), so these check that no
 * block is lost on the way: a fast scroll through 3,000 paragraphs, and a page that moves its
 * text after the blocks were placed.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pollUntil } from './harness/poll';
import type { TestServer } from './harness/server';
import { chromiumSuite } from './harness/suite';

const PARAGRAPHS = 3_000;

declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
};

/** The badge of the tab showing `url` once `wanted` holds (or the last one seen). */
const badgeOfTabAt = (worker: Worker, url: string, wanted: (text: string) => boolean) =>
  pollUntil(
    () =>
      worker.evaluate(async (at) => {
        const [tab] = await chrome.tabs.query({ url: at });
        return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
      }, url),
    wanted,
    { timeoutMs: 30_000 },
  );

function longPage(server: TestServer, name: string): string {
  const names = ['輝達', 'Nvidia', '月之暗面', 'Tencent', '腾讯', '阿里巴巴'];
  const paragraphs = Array.from(
    { length: PARAGRAPHS },
    (_, i) => `<p id="p${i}">第${i}段：${names[i % names.length]} announced plans; analysts weighed the news.</p>`,
  );
  return server.setPage(name, `<!doctype html><meta charset="utf-8"><title>long</title><body>${paragraphs.join('')}`);
}

/** Ids of the paragraphs without a highlight, among those whose index is in [from, to). */
function unmarked(page: Page, from: number, to: number): Promise<number[]> {
  return page.evaluate(
    (range) => {
      const missing: number[] = [];
      for (let i = range.from; i < range.to; i++) {
        if (!document.querySelector(`#p${i} mark[data-glossary-id]`)) missing.push(i);
      }
      return missing;
    },
    { from, to },
  );
}

describe('highlights while scrolling a long page', () => {
  const suite = chromiumSuite();

  it('highlights every paragraph a fast scroll passes, and none far ahead of it', async () => {
    const page = await suite.browser.context.newPage();
    const url = longPage(suite.server, 'scroll-fast');
    await page.goto(url);
    await page.waitForSelector('#p0 mark', { timeout: 30_000 });
    // The first read ends (every paragraph counted, the badge set) before the scroll starts:
    // text not read yet when the scroll passes it could not be drawn as it passed.
    expect(await badgeOfTabAt(suite.browser.serviceWorker, url, (text) => text !== '')).not.toBe('');
    // Then to the middle, one screen per frame the browser renders: 60 screens a second here.
    // Paced by a timer instead, a busy machine that renders fewer frames than the timer fires
    // passes text in no frame at all, as a jump does; the browser never sees it near (nor
    // does the reader), and it is drawn when scrolled back to.
    const middle = await page.evaluate(async () => {
      const target = document.getElementById('p1500')!.getBoundingClientRect().top + window.scrollY;
      while (window.scrollY + window.innerHeight < target) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        window.scrollBy(0, window.innerHeight);
      }
      return Math.floor(
        window.scrollY / (document.getElementById('p1')!.offsetTop - document.getElementById('p0')!.offsetTop),
      );
    });
    // Whatever was passed gets drawn, without waiting for the scroll to stop.
    await page.waitForSelector('#p1400 mark', { timeout: 5_000 });
    await expect.poll(() => unmarked(page, 0, middle), { timeout: 5_000 }).toEqual([]);
    expect(await unmarked(page, 2_800, PARAGRAPHS)).toHaveLength(200);
    // A jump (no frame on the way) draws where it lands, not what it skipped; what it skipped
    // is drawn once the reader goes back to it.
    await page.evaluate(() => document.getElementById('p2600')!.scrollIntoView({ block: 'center' }));
    await page.waitForSelector('#p2600 mark', { timeout: 5_000 });
    expect(await unmarked(page, 2_000, 2_010)).toHaveLength(10);
    await page.evaluate(() => document.getElementById('p2005')!.scrollIntoView({ block: 'center' }));
    await expect.poll(() => unmarked(page, 2_000, 2_010), { timeout: 5_000 }).toEqual([]);
    await page.close();
  });

  it('finds paragraphs the page moved after they were placed, once scrolling stops', async () => {
    const page = await suite.browser.context.newPage();
    const url = longPage(suite.server, 'scroll-moved');
    await page.goto(url);
    await page.waitForSelector('#p0 mark', { timeout: 30_000 });
    expect(await badgeOfTabAt(suite.browser.serviceWorker, url, (text) => text !== '')).not.toBe('');
    // The page pushes its text 200 screens down (an ad, an expanding section), then the
    // reader goes to paragraph 2,000 where it is now.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = `${200 * window.innerHeight}px`;
      document.body.prepend(spacer);
    });
    await page.evaluate(() => document.getElementById('p2000')!.scrollIntoView({ block: 'center' }));
    await page.waitForSelector('#p2000 mark', { timeout: 5_000 });
    expect(await unmarked(page, 1_995, 2_006)).toEqual([]);
    await page.close();
  });
});
