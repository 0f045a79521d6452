/**
 * A page a front-end framework hydrates keeps the DOM its server sent: its names are painted,
 * not wrapped, so hydration (which compares the server's nodes with its own render, and
 * throws the page away on a mismatch in React and Svelte) finds every text node as sent. The
 * page here stands in for the framework: it holds its text nodes as it parsed them, as a
 * hydrating framework does, and checks them later. Without a framework's markers the same
 * text gets marks, which that check sees.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settledMarks, writeSettings } from './highlight-helpers';
import { chromiumSuite } from './harness/suite';

const TEXT =
  '<main><h1>出口管制再升級</h1><p>輝達（Nvidia）推出新晶片，阿里巴巴跟進。</p><p>月之暗面捲入價格戰。</p></main>';

/** A server-rendered page with `root` as its framework's root; `marker` any other markup of the framework. */
const serverRendered = (rootId: string, marker = '') => `<!doctype html><html><head><meta charset="utf-8">
<title>SSR</title></head><body><div id="${rootId}">${TEXT}</div>${marker}
<script>
  // What a hydrating framework holds: the server's nodes, compared with its own render later.
  const root = document.getElementById('${rootId}');
  const held = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) held.push([n, n.nodeValue, n.parentNode, n.nextSibling]);
  window.serverDomKept = () =>
    held.every(([n, value, parent, next]) => n.nodeValue === value && n.parentNode === parent && n.nextSibling === next) &&
    root.getElementsByTagName('*').length === 4;
</script></body></html>`;

/** The names painted in the document's highlight registry (the page's world sees ColumnLens's entries). */
const paintedNames = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('columnlens-'))
      .flatMap(([, highlight]) =>
        [...highlight].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
      )
      .sort(),
  );

describe('a page a framework hydrates', () => {
  const suite = chromiumSuite();

  it.each([
    ['Next.js', '__next', ''],
    ['Nuxt', '__nuxt', ''],
    ['SvelteKit', 'svelte', '<div data-sveltekit-preload-data="hover" hidden></div>'],
    // React 18 and 19 mark no element in the DOM they hydrate: Remix's <Scripts> preload its client entry.
    ['Remix', 'remix', '<link rel="modulepreload" href="/build/entry.client-5E6F7A8B.js">'],
    ['SolidStart', 'solid', '<div data-hk="0-0-0" hidden></div>'],
    // Without a framework above, React's server rendering leaves only comments: a text separator.
    ['React 18/19', 'root', '<p hidden>3<!-- --> results</p>'],
    ['Vue 3', 'vue', '<!--[--><!--]-->'],
  ])('keeps the DOM a %s server sent, its names painted, and takes them off the same way', async (_, root, marker) => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.setPage(`hydrated-${root}`, serverRendered(root, marker)));
    // The names the same text gets as marks, without the framework's markers.
    const control = await suite.browser.context.newPage();
    await control.goto(suite.server.setPage(`not-hydrated-${root}`, serverRendered('app')));
    const marked = (await settledMarks(control, 6)).map(([, text]) => text).sort();
    await control.close();
    await expect.poll(() => paintedNames(page), { timeout: 15_000 }).toEqual(marked);
    expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { serverDomKept(): boolean }).serverDomKept())).toBe(true);

    // The tooltip, found under the pointer rather than by an element.
    const box = await page.evaluate(() => {
      const text = document.querySelector('p')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 2);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.locator('columnlens-tooltip .panel').waitFor({ timeout: 10_000 });
    expect(await page.locator('columnlens-tooltip .panel').textContent()).toContain('輝達');
    await page.mouse.move(1, 1);

    await writeSettings(suite.browser.serviceWorker, { enabled: false });
    await expect.poll(() => paintedNames(page), { timeout: 10_000 }).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { serverDomKept(): boolean }).serverDomKept())).toBe(true);
    await writeSettings(suite.browser.serviceWorker, { enabled: true });
    await page.close();
  });

  it('is told from its markers: the same page without them gets marks, which the framework would see', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.setPage('not-hydrated', serverRendered('app')));
    expect((await settledMarks(page, 6)).length).toBeGreaterThanOrEqual(6);
    expect(await page.evaluate(() => (window as unknown as { serverDomKept(): boolean }).serverDomKept())).toBe(false);
    await page.close();
  });
});
