/**
 * A page that changes after load: appended, replaced and rewritten content is highlighted
 * within a second, a ticker re-rendered every 250 ms does not keep the extension busy, and a
 * web component defined after the first read has its shadow tree read.
 */
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { marksIn, settledMarks, writeSettings } from './highlight-helpers';
import { chromiumSuite } from './harness/suite';

type PageChange = 'appendItem' | 'replaceContent' | 'rewriteText';

/**
 * Makes the page call one of its own update functions and measures, in the page, the time until
 * `selector` matches: from the change to the highlight being in the DOM.
 */
function timeUntil(page: Page, selector: string, change?: { fn: PageChange; text: string }): Promise<number> {
  return page.evaluate(
    ({ selector, change }) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const done = () => {
          if (!document.querySelector(selector)) return false;
          observer.disconnect();
          resolve(performance.now() - start);
          return true;
        };
        const observer = new MutationObserver(done);
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        if (change) (window as unknown as Record<PageChange, (t: string) => void>)[change.fn](change.text);
        if (!done()) setTimeout(() => reject(new Error(`no ${selector} within 5 s`)), 5000);
      }),
    { selector, change },
  );
}

describe('highlights on a changing page', () => {
  const suite = chromiumSuite();
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/fixtures/highlight-dynamic.html`);
    await settledMarks(page, 1);
    cdp = await suite.browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
  });

  it('highlights appended content within a second', async () => {
    const ms = await timeUntil(
      page,
      '#feed .appended mark[data-glossary-id="tencent"] ~ mark[data-glossary-id="tencent"]',
      {
        fn: 'appendItem',
        text: 'Update: 騰訊 and Tencent.',
      },
    );
    expect(ms).toBeLessThan(1000);
    expect(await marksIn(page, '#feed')).toEqual([
      ['tencent', '騰訊'],
      ['tencent', 'Tencent'],
    ]);
  });

  it('highlights replaced content within a second', async () => {
    const ms = await timeUntil(page, '#replace mark[data-glossary-id="alibaba"]', {
      fn: 'replaceContent',
      text: 'Now about 阿里巴巴.',
    });
    expect(ms).toBeLessThan(1000);
  });

  it('highlights text the page rewrote in place within a second, twice in a row', async () => {
    const nvidia = '#rewrite mark[data-glossary-id="nvidia"]';
    expect(await timeUntil(page, nvidia, { fn: 'rewriteText', text: 'Rewritten: Nvidia.' })).toBeLessThan(1000);
    const baichuan = '#rewrite mark[data-glossary-id="baichuan"]';
    expect(await timeUntil(page, baichuan, { fn: 'rewriteText', text: 'Rewritten again: 百川智能.' })).toBeLessThan(
      1000,
    );
    // The page's node holds the page's text; no stale highlight of the old text is left.
    expect(await page.evaluate(() => document.getElementById('rewrite')!.textContent)).toBe(
      'Rewritten again: 百川智能.',
    );
    expect(await marksIn(page, '#rewrite')).toEqual([['baichuan', '百川智能']]);
  });

  it('shows in every frame only the text the page wrote into a highlighted node, never the old text after it', async () => {
    // A framework's text binding writes the node it holds; our marks split it (dom-engine.ts).
    await timeUntil(page, '#rewrite mark[data-glossary-id="nvidia"]', {
      fn: 'rewriteText',
      text: 'Shares of Nvidia rose.',
    });
    const wrongFrames = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const text = 'Shares of 百川智能 fell.';
          const wrong: string[] = [];
          const started = performance.now();
          const look = () => {
            const shown = document.getElementById('rewrite')!.textContent!;
            if (shown !== text) wrong.push(shown);
            if (performance.now() - started < 1500) requestAnimationFrame(look);
            else resolve(wrong);
          };
          (window as unknown as { rewriteText(t: string): void }).rewriteText(text);
          requestAnimationFrame(look);
        }),
    );
    expect(wrongFrames).toEqual([]);
    expect(await marksIn(page, '#rewrite')).toEqual([['baichuan', '百川智能']]);
  });

  it('leaves no highlight in a snapshot the page restores after highlights were switched off', async () => {
    // Turbo Drive, pjax, Swup: the page leaves a deep clone of itself in a cache and puts it
    // back on Back, here after the reader switched highlights off.
    const turbo = await suite.browser.context.newPage();
    await turbo.goto(
      suite.server.setPage(
        'turbo',
        `<!doctype html><meta charset="utf-8"><body><p id="story">Nvidia and 百度 lead.</p><script>
          window.leave = () => { window.cached = document.body.cloneNode(true); document.body.replaceWith(document.createElement('body')); };
          window.back = () => document.body.replaceWith(window.cached);
        </script></body>`,
      ),
    );
    await settledMarks(turbo, 2);
    await turbo.evaluate(() => (window as unknown as { leave(): void }).leave());
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await turbo.waitForTimeout(500);
    await turbo.evaluate(() => (window as unknown as { back(): void }).back());
    await turbo.waitForTimeout(500);
    expect(await turbo.locator('mark').count()).toBe(0);
    expect(await turbo.evaluate(() => document.getElementById('story')!.innerHTML)).toBe('Nvidia and 百度 lead.');
    await writeSettings(suite.browser.serviceWorker, { enabled: true });
    await settledMarks(turbo, 2);
    await turbo.close();
  });

  it('at the "first" density, moves a name’s one highlight to the next article rendered above the list that held it', async () => {
    await writeSettings(suite.browser.serviceWorker, { density: 'first' });
    const spa = await suite.browser.context.newPage();
    await spa.goto(
      suite.server.setPage(
        'spa-first',
        `<!doctype html><meta charset="utf-8"><body><main id="article"><p>No names yet.</p></main>
         <aside id="related"><p>Related: 百度 and Nvidia</p></aside></body>`,
      ),
    );
    expect(await settledMarks(spa, 2)).toEqual([
      ['baidu', '百度'],
      ['nvidia', 'Nvidia'],
    ]);
    await spa.evaluate(() => {
      document.getElementById('article')!.innerHTML = '<h1>Nvidia’s quarter</h1><p>Nvidia again.</p>';
      history.pushState({}, '', '?next');
    });
    await expect.poll(() => marksIn(spa, '#article'), { timeout: 5_000 }).toEqual([['nvidia', 'Nvidia']]);
    expect(await marksIn(spa, '#related')).toEqual([['baidu', '百度']]);
    // The site keeps the article the reader left, hidden, and shows the next one after it.
    await spa.evaluate(() => {
      document.getElementById('article')!.style.display = 'none';
      document
        .getElementById('related')!
        .insertAdjacentHTML('afterend', '<main id="next"><p>Nvidia once more.</p></main>');
      history.pushState({}, '', '?after');
    });
    await expect.poll(() => marksIn(spa, '#next'), { timeout: 5_000 }).toEqual([['nvidia', 'Nvidia']]);
    expect(await marksIn(spa, '#article')).toEqual([]);
    await writeSettings(suite.browser.serviceWorker, { density: 'all' });
    await spa.close();
  });

  it('stays nearly idle while a ticker re-renders every 250 ms (compared with highlights off)', async () => {
    const scriptTime = async (): Promise<{ script: number; longTasks: number; renders: number }> => {
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number; startTicker(): void };
        w.longTasks = 0;
        new PerformanceObserver((list) => (w.longTasks += list.getEntries().length)).observe({ type: 'longtask' });
        w.startTicker();
      });
      const metric = async () =>
        ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) *
        1000;
      const before = await metric();
      await page.waitForTimeout(4000);
      const after = await metric();
      const { longTasks, renders } = await page.evaluate(() => {
        const w = window as unknown as { longTasks: number; tickerRenders: number; stopTicker(): void };
        w.stopTicker();
        return { longTasks: w.longTasks, renders: w.tickerRenders };
      });
      return { script: after - before, longTasks, renders };
    };
    const on = await scriptTime();
    // The ticker's last rendering is highlighted within a second of the page going quiet.
    expect(await timeUntil(page, '#ticker mark[data-glossary-id="nvidia"]')).toBeLessThan(1000);
    expect(await marksIn(page, '#ticker')).toEqual([['nvidia', 'Nvidia']]);
    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await page.waitForTimeout(500);
    const off = await scriptTime();
    await writeSettings(suite.browser.serviceWorker, { enabled: true });
    console.log(`ticker, 4 s: script ${on.script.toFixed(1)} ms with highlights, ${off.script.toFixed(1)} ms without`);
    expect(on.renders).toBeGreaterThanOrEqual(14);
    expect(on.longTasks).toBe(0);
    // The extension's share: a few percent of one core at most, not a busy loop.
    expect(on.script - off.script).toBeLessThan(200);
  });

  it('reads the shadow tree a web component attaches when its definition arrives after the first read', async () => {
    const late = await suite.browser.context.newPage();
    try {
      await late.goto(`${suite.server.origin}/fixtures/late-component.html`);
      await settledMarks(late, 1);
      await late.evaluate(() => (window as unknown as { defineCard(): void }).defineCard());
      const shadowHtml = () => late.evaluate(() => document.querySelector('late-card')!.shadowRoot!.innerHTML);
      const before = await shadowHtml();
      const shadowMarks = () =>
        late.evaluate(() =>
          [...document.querySelector('late-card')!.shadowRoot!.querySelectorAll('mark')].map((m) => [
            m.getAttribute('data-glossary-id'),
            m.textContent,
          ]),
        );
      await expect.poll(shadowMarks, { timeout: 10_000 }).toEqual([
        ['baichuan', '百川智能'],
        ['nvidia', 'Nvidia'],
      ]);
      // Switched off, the tree is as the component made it.
      await writeSettings(suite.browser.serviceWorker, { enabled: false });
      await expect.poll(shadowHtml, { timeout: 10_000 }).toBe(before);
    } finally {
      await writeSettings(suite.browser.serviceWorker, { enabled: true });
      await late.close();
    }
  });
});
