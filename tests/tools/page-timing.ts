/**
 * What the reader sees of a page load, with the extension and without: first contentful
 * paint, DOMContentLoaded and load (ms after navigation start), and when the first and last
 * highlight appeared, marks or painted ranges (the benchmark's clock: ms after DOMContentLoaded).
 * Medians of `--runs` loads (default 10), the browsers' loads interleaved so that machine
 * load falls on all alike. Untraced: these are the wall-clock times a reader waits.
 * `npm run timing -- <corpus page | generated | small | huge> [--runs n]`; EXT_DIRS=a,b
 * compares several unpacked builds (default: the build in COLUMNLENS_OUT_DIR or .output).
 */
import type { BrowserContext } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { LOAD_TIMEOUT_MS, loadTimes, MARK_CLOCK, markTimes } from '../bench/lib/measure-load';
import { median } from '../bench/lib/task-stats';
import { option, pageName, pageUrl } from './lib/tool-page';

const runs = option('--runs', 10);
const server = await startServer();
const url = pageUrl(server, pageName('small'));
const builds = process.env.EXT_DIRS?.split(',') ?? [CHROME_BUILD];
const contexts: [string, BrowserContext, () => Promise<void>][] = [];
const plain = await launchWithoutExtension();
contexts.push(['without the extension', plain.context, () => plain.close()]);
for (const dir of builds) {
  const browser = await launchWithExtension(dir);
  contexts.push([dir, browser.context, () => browser.close()]);
}
const rows = new Map<string, (number | undefined)[][]>();
try {
  for (let run = 0; run < runs; run++) {
    for (const [name, context] of contexts) {
      const page = await context.newPage();
      await page.addInitScript(MARK_CLOCK);
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await page.waitForTimeout(1_500);
      const times = await loadTimes(page);
      const marks = await markTimes(page);
      const row = [
        times.contentfulPaintMs,
        times.contentLoadedMs,
        times.loadMs,
        marks.firstAfterReadyMs,
        marks.lastAfterReadyMs,
      ];
      rows.set(name, [...(rows.get(name) ?? []), row]);
      await page.close();
    }
  }
  const fmt = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v)} ms`);
  console.log(`${url}, medians of ${runs} loads:`);
  console.log('| build | first contentful paint | DOMContentLoaded | load | first highlight | last highlight |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, loads] of rows) {
    const column = (i: number) => fmt(median(loads.map((l) => l[i])));
    console.log(`| ${name} | ${[0, 1, 2, 3, 4].map(column).join(' | ')} |`);
  }
} finally {
  for (const [, , close] of contexts) await close();
  await server.close();
}
