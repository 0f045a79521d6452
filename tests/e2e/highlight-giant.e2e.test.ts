/**
 * Pathological pages: one 5 MB text node, and 3,000 paragraphs. The page keeps working, what is
 * on screen is highlighted, and the summary still counts every occurrence (from scanning, not
 * from drawn highlights, which stay near the viewport).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionBrowser } from './harness/chromium';
import { chromiumSuite } from './harness/suite';
import { askTab } from './highlight-helpers';

/** Records the page's long tasks from its very start. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function summaryOf(browser: ExtensionBrowser, page: Page): Promise<Record<string, number>> {
  const deadline = Date.now() + 30_000;
  let last: Record<string, number> = {};
  // The first read ends some time after load; wait until two answers agree.
  for (;;) {
    await page.waitForTimeout(500);
    const now = (
      (await askTab(browser.serviceWorker, page, { type: 'get-page-summary' })) as { counts: Record<string, number> }
    ).counts;
    if (JSON.stringify(now) === JSON.stringify(last) && Object.keys(now).length > 0) return now;
    if (Date.now() > deadline) throw new Error('summary did not settle');
    last = now;
  }
}

describe('highlights on giant pages', () => {
  const suite = chromiumSuite();

  it('handles a single 5 MB text node: on-screen highlights, every occurrence counted', async () => {
    const line = 'log entry: the quick brown fox jumps over the lazy dog, again and again and again. ';
    const chunks: string[] = [];
    let length = 0;
    let inserted = 0;
    while (length < 5_000_000) {
      const piece = line.repeat(12) + (inserted % 2 === 0 ? 'Nvidia ' : '英伟达 ');
      chunks.push(piece);
      length += piece.length;
      inserted++;
    }
    const text = chunks.join('');
    const url = suite.server.setPage(
      'giant-node',
      `<!doctype html><meta charset="utf-8"><title>log</title><body><pre id="log">${text}</pre>`,
    );
    const page = await suite.browser.context.newPage();
    await recordLongTasks(page);
    await page.goto(url);
    await page.waitForSelector('#log mark[data-glossary-id="nvidia"]', { timeout: 30_000 });
    const counts = await summaryOf(suite.browser, page);
    expect(counts).toEqual({ nvidia: inserted });
    // The page's own text is intact and still one piece of text to the reader.
    const state = await page.evaluate(() => ({
      length: document.getElementById('log')!.textContent!.length,
      marks: document.querySelectorAll('#log mark').length,
    }));
    expect(state.length).toBe(text.length);
    expect(state.marks).toBeGreaterThan(0);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(
      `5 MB text node: ${inserted} occurrences, ${state.marks} drawn; long tasks (page + extension): ${longTasks.join(', ')} ms`,
    );
    await page.close();
  });

  it('on 3,000 paragraphs draws what is near the viewport first and counts the rest', async () => {
    const names = ['輝達', 'Nvidia', '月之暗面', 'Tencent', '腾讯', '阿里巴巴'];
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) =>
        `<p id="p${i}">第${i}段：${names[i % names.length]} announced plans; analysts weighed the news for the market today.</p>`,
    );
    const url = suite.server.setPage(
      'many-paragraphs',
      `<!doctype html><meta charset="utf-8"><title>long</title><body>${paragraphs.join('')}`,
    );
    const page = await suite.browser.context.newPage();
    await recordLongTasks(page);
    await page.goto(url);
    await page.waitForSelector('#p0 mark', { timeout: 30_000 });
    const counts = await summaryOf(suite.browser, page);
    expect(counts).toEqual({ nvidia: 1000, 'moonshot-ai': 500, tencent: 1000, alibaba: 500 });
    const drawn = await page.evaluate(() => ({
      first: !!document.querySelector('#p1 mark'),
      last: !!document.querySelector('#p2999 mark'),
      count: document.querySelectorAll('mark').length,
    }));
    expect(drawn.first).toBe(true);
    expect(drawn.last).toBe(false);
    // Scrolling to the end brings its highlights.
    await page.evaluate(() => document.getElementById('p2999')!.scrollIntoView());
    await page.waitForSelector('#p2999 mark', { timeout: 5_000 });
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(
      `3,000 paragraphs: ${drawn.count} highlights drawn before scrolling; long tasks (page + extension): ${longTasks.join(', ')} ms`,
    );
    await page.close();
  });

  // Large pages whose light DOM names nothing are checked without a walk (src/content/page-read.ts):
  // the open shadow trees are still read, and a name the check's joined text glues to its
  // neighbour ("Home" + "Nvidia") still sends the page to the walk.
  it('on a large page, finds names in a shadow tree and at a block boundary', async () => {
    const filler = Array.from({ length: 2_500 }, (_, i) => `<div><span>Row ${i}: nothing to note.</span></div>`).join(
      '',
    );
    const cases = [
      // Nothing in the light DOM names the glossary: only the shadow tree does.
      [
        'widget',
        '<div id="host"><template shadowrootmode="open"><p>In a widget: Nvidia</p></template></div>',
        '#host mark[data-glossary-id="nvidia"]',
        { nvidia: 1 },
      ],
      [
        'menu',
        '<ul id="menu"><li>Home</li><li>Tencent</li></ul>',
        '#menu mark[data-glossary-id="tencent"]',
        { tencent: 1 },
      ],
    ] as const;
    for (const [name, top, selector, counts] of cases) {
      const url = suite.server.setPage(
        `large-${name}`,
        `<!doctype html><meta charset="utf-8"><title>large</title><body>${top}${filler}`,
      );
      const page = await suite.browser.context.newPage();
      await page.goto(url);
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(5_000);
      await page.locator(selector).waitFor({ timeout: 30_000 });
      expect(await summaryOf(suite.browser, page)).toEqual(counts);
      await page.close();
    }
  });
});
