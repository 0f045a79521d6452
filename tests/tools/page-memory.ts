/**
 * What the extension adds to a page's memory: the JavaScript heap of the page's renderer
 * (the page's own world and the content script's isolated world share one V8 heap) after
 * garbage collection, and the DOM's node count, with the extension and without, once the page
 * is read and settled and again after scrolling through it (every highlight then drawn).
 * Medians of `--runs` loads (default 3), the two browsers' loads interleaved.
 * `npm run memory -- <corpus page | generated | small | huge | appended> [--runs n]`; uses the
 * build in COLUMNLENS_OUT_DIR (default .output).
 */
import type { BrowserContext } from 'playwright-core';
import { waitForHighlights } from '../bench/lib/highlight-wait';
import { pageExpression } from '../bench/lib/in-page';
import { scrollThrough } from '../bench/lib/scroll-through';
import { median } from '../bench/lib/task-stats';
import { launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';
import { option, pageName, pageUrl } from './lib/tool-page';

interface Footprint {
  heapMb: number;
  nodes: number;
}

const target = pageName('generated');
const runs = option('--runs', 3);
const server = await startServer();
const url = pageUrl(server, target);
const withExtension = await launchWithExtension();
const without = await launchWithoutExtension();

/** The page's heap and DOM nodes once settled, and after scrolling through it. */
async function footprints(context: BrowserContext): Promise<[loaded: Footprint, scrolled: Footprint]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const measure = async (): Promise<Footprint> => {
    await waitForHighlights(page, { quietMs: 1_000, timeoutMs: 60_000 });
    // Several rounds: an object freed by one collection may hold others until the next.
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { heapMb: heap.usedSize / 1e6, nodes: dom.nodes };
  };
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const loaded = await measure();
    await page.evaluate(
      pageExpression(scrollThrough, { windowPass: true, places: [], settleMs: 300, maxWaitMs: 60_000 }),
    );
    return [loaded, await measure()];
  } finally {
    await page.close();
  }
}

const rows: Record<'loaded' | 'scrolled', { with: Footprint[]; without: Footprint[] }> = {
  loaded: { with: [], without: [] },
  scrolled: { with: [], without: [] },
};
try {
  for (let run = 0; run < runs; run++) {
    for (const [side, context] of [
      ['without', without.context],
      ['with', withExtension.context],
    ] as const) {
      const [loaded, scrolled] = await footprints(context);
      rows.loaded[side].push(loaded);
      rows.scrolled[side].push(scrolled);
    }
  }
  const mb = (all: Footprint[]) => median(all.map((f) => f.heapMb))!.toFixed(1);
  const nodes = (all: Footprint[]) => median(all.map((f) => f.nodes))!.toLocaleString('en');
  console.log(`${url}, medians of ${runs} loads:`);
  console.log('| when | JS heap with / without (MB) | added | DOM nodes with / without |');
  console.log('| --- | --- | --- | --- |');
  for (const [when, row] of Object.entries(rows)) {
    const added = median(row.with.map((f, i) => f.heapMb - row.without[i]!.heapMb))!.toFixed(1);
    console.log(
      `| ${when} | ${mb(row.with)} / ${mb(row.without)} | ${added} MB | ${nodes(row.with)} / ${nodes(row.without)} |`,
    );
  }
} finally {
  await withExtension.close();
  await without.close();
  await server.close();
}
