/**
 * Scrolling a long page: highlights are drawn as text comes near, and the observer holds only
 * the blocks near the reader (src/content/intersection-watcher.ts), so these check that no
 * block is lost on the way: a fast scroll through 3,000 paragraphs, and a page that moves its
 * text after the blocks were placed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from './harness/server';
import { chromiumSuite } from './harness/suite';

const PARAGRAPHS = 3_000;

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
    await page.goto(longPage(suite.server, 'scroll-fast'));
    await page.waitForSelector('#p0 mark', { timeout: 30_000 });
    // The first read ends a while after load (every paragraph counted), then scroll to the
    // middle one screen at a time, 30 ms apart: 20 screens a second.
    await page.waitForTimeout(1_500);
    const middle = await page.evaluate(async () => {
      const target = document.getElementById('p1500')!.getBoundingClientRect().top + window.scrollY;
      while (window.scrollY + window.innerHeight < target) {
        window.scrollBy(0, window.innerHeight);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return Math.floor(
        window.scrollY / (document.getElementById('p1')!.offsetTop - document.getElementById('p0')!.offsetTop),
      );
    });
    // Whatever was passed gets drawn, without waiting for the scroll to stop.
    await page.waitForSelector('#p1400 mark', { timeout: 5_000 });
    await expect.poll(() => unmarked(page, 0, middle), { timeout: 5_000 }).toEqual([]);
    expect(await unmarked(page, 2_800, PARAGRAPHS)).toHaveLength(200);
    await page.close();
  });

  it('finds paragraphs the page moved after they were placed, once scrolling stops', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(longPage(suite.server, 'scroll-moved'));
    await page.waitForSelector('#p0 mark', { timeout: 30_000 });
    await page.waitForTimeout(1_500);
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
