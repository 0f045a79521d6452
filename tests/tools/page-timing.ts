/**
 * What the reader sees of a page load, with the extension and without: first contentful
 * paint, DOMContentLoaded and load (ms after navigation start), when the first and last
 * highlight appeared, marks or painted ranges, and when the first read of the page was done
 * (the benchmark's clock: ms after DOMContentLoaded; see tests/bench/lib/latency.ts).
 * Medians of `--runs` loads (default 10), the browsers' loads interleaved so that machine
 * load falls on all alike. Untraced: these are the wall-clock times a reader waits.
 * `npm run timing -- <corpus page | generated | small | huge> [--runs n] [--empty-script]`;
 * EXT_DIRS=a,b compares several unpacked builds (default: the build in COLUMNLENS_OUT_DIR or
 * .output). `--empty-script` adds the first build with its content script replaced by one that
 * does nothing (tests/tools/lib/empty-script-build.ts), and when that script started: what any
 * content script declared like ColumnLens's costs the page, whatever it does.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { untracedLoad } from '../bench/lib/latency';
import { loadTimes } from '../bench/lib/measure-load';
import { median } from '../bench/lib/task-stats';
import { EMPTY_SCRIPT_MARK, emptyScriptBuild } from './lib/empty-script-build';
import { flag, option, pageName, pageUrl } from './lib/tool-page';

const runs = option('--runs', 10);
const server = await startServer();
const url = pageUrl(server, pageName('small'));
const builds = process.env.EXT_DIRS?.split(',') ?? [CHROME_BUILD];
/** Browsers with an extension have a worker, which hears when the first read is done. */
const contexts: [string, BrowserContext, () => Promise<void>, Worker?][] = [];
const plain = await launchWithoutExtension();
contexts.push(['without the extension', plain.context, () => plain.close()]);
const EMPTY_SCRIPT_ROW = 'empty content script (same declaration)';
const emptyScript = flag('--empty-script') ? emptyScriptBuild(builds[0]!) : undefined;
const rowsToLaunch: [name: string, dir: string][] = builds.map((dir) => [dir, dir]);
if (emptyScript) rowsToLaunch.push([EMPTY_SCRIPT_ROW, emptyScript.dir]);
for (const [name, dir] of rowsToLaunch) {
  const browser = await launchWithExtension(dir);
  contexts.push([name, browser.context, () => browser.close(), browser.serviceWorker]);
}

/** When the empty script started, ms after DOMContentLoaded started; undefined in other loads. */
function emptyScriptStartMs(page: Page): Promise<number | undefined> {
  return page.evaluate((mark) => {
    const started = performance.getEntriesByName(mark)[0]?.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return started === undefined || !nav ? undefined : started - nav.domContentLoadedEventStart;
  }, EMPTY_SCRIPT_MARK);
}

const rows = new Map<string, (number | undefined)[][]>();
try {
  for (let run = 0; run < runs; run++) {
    for (const [name, context, , worker] of contexts) {
      const { page, latency } = await untracedLoad(context, worker, url, 1_500);
      const times = await loadTimes(page);
      const row = [
        times.contentfulPaintMs,
        times.contentLoadedMs,
        times.loadMs,
        latency.firstHighlightMs,
        latency.lastHighlightMs,
        latency.readDoneMs,
        await emptyScriptStartMs(page),
      ];
      rows.set(name, [...(rows.get(name) ?? []), row]);
      await page.close();
    }
  }
  const fmt = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v)} ms`);
  console.log(`${url}, medians of ${runs} loads:`);
  console.log(
    '| build | first contentful paint | DOMContentLoaded | load | first highlight | last highlight | read done | empty script started |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, loads] of rows) {
    const column = (i: number) => fmt(median(loads.map((l) => l[i])));
    console.log(`| ${name} | ${[0, 1, 2, 3, 4, 5, 6].map(column).join(' | ')} |`);
  }
} finally {
  for (const [, , close] of contexts) await close();
  emptyScript?.remove();
  await server.close();
}
