/**
 * Every measurement of one page (see tests/bench/page.ts): the floor and hand wrapping, traced loads
 * without and with the extension, when highlights appear, switching off, and mark.js.
 */
import type { BrowserContext, Worker } from 'playwright-core';
import { setHighlightsEnabled } from './extension-settings';
import { pageExpression } from './in-page';
import { runMarkJs, type MarkJsResult } from './markjs';
import { medianLatency, untracedLoad, type Latency } from './latency';
import {
  firstClassifyingWalkMs,
  firstReadFloorMs,
  LOAD_TIMEOUT_MS,
  textWalkMs,
  tracedLoad,
  wrapAllMs,
} from './measure-load';
import { TEXT_PROBE, collectText, type PageText } from './page-probes';
import { pageSummary, summaryTotal } from './page-summary';
import { scrollingRuns, type ScrollCost } from './scrolling';
import { expectedMatches, type ScanningMatcher } from './sweep-checks';
import { measureSwitchOff, measureSwitchOn, medianSwitching, type Switching } from './switching';
import { medianCost, type LoadCost } from './task-stats';

export interface BenchSetup {
  plain: BrowserContext;
  extension: BrowserContext;
  serviceWorker: Worker;
  matcher: ScanningMatcher;
  /** Every alias (and term) of the bundled glossary, for mark.js. */
  aliases: string[];
  runs: number;
  /** Cap for mark.js `mark()`, in ms; 0 skips mark.js. */
  markCapMs: number;
  /** Whether to measure scrolling through the loaded page. */
  scrolling: boolean;
}

export interface PageBench {
  textChars: number;
  textNodes: number;
  /** Matches the extension's matcher finds in the visible text, scanned in Node. */
  names: number;
  /** The floor walk in the page's world, fastest of 5 (its nodes' objects made by the first). */
  floorMs: number;
  /** The same walk once in a fresh isolated world on a load nothing else read, as switching on meets it: median of `runs` loads. */
  freshFloorMs: number;
  /** A walk that only classifies every element (classifying-walk.ts), measured like `freshFloorMs`. */
  freshClassifyingWalkMs: number;
  wrapAll: { wrapMs: number; layoutMs: number };
  without: LoadCost;
  with: LoadCost;
  /** What the content script reports for the whole page, and how many marks it drew on screen. */
  found: number;
  drawnOnLoad: number;
  /** 'marks' or 'CSS highlights': which engine drew. */
  engine: string;
  /** Medians of `runs` untraced loads: what a reader waits for (see latency.ts). */
  latency: Latency;
  /** Switching on a loaded page (loaded with highlights off), and off again after scrolling through. */
  switchOn: Switching;
  switchOff: Switching;
  markJs?: { mark: MarkJsResult; regexp: MarkJsResult };
  /** Scrolling through the loaded page, with highlights on and without the extension. */
  scrolling?: { with: ScrollCost; without: ScrollCost };
}

/** How long to leave a page alone after its load event: longer for pages that take longer to lay out. */
export function settleMsFor(loadMs: number): number {
  return Math.max(2_500, Math.min(20_000, 2_000 + 2 * loadMs));
}

/** Median traced cost of `runs` loads of `url` in `context`. */
export async function tracedRuns(
  context: BrowserContext,
  url: string,
  runs: number,
  settleMs: number,
): Promise<LoadCost> {
  const costs: LoadCost[] = [];
  for (let r = 0; r < runs; r++) {
    const { page, cost } = await tracedLoad(context, url, settleMs);
    costs.push(cost);
    await page.close();
  }
  return medianCost(costs);
}

/** Measures one page; highlights are left switched on. */
export async function benchPage(setup: BenchSetup, url: string, log: (line: string) => void): Promise<PageBench> {
  // Floor, hand wrapping and the page's text, in the browser without the extension.
  const probe = await setup.plain.newPage();
  const loadStarted = Date.now();
  await probe.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  const settleMs = settleMsFor(Date.now() - loadStarted);
  const text = await probe.evaluate<PageText>(pageExpression(collectText, TEXT_PROBE));
  const matches = expectedMatches(text, setup.matcher);
  // On loads of its own: anything that read the page before would make it cheaper.
  const freshFloorMs = await firstReadFloorMs(setup.plain, url, setup.runs, settleMs);
  const freshClassifyingWalkMs = await firstClassifyingWalkMs(setup.plain, url, setup.runs, settleMs);
  const floor = await textWalkMs(probe);
  const wrapAll = await wrapAllMs(
    probe,
    matches.map((m) => [m.start, m.end]),
  );
  await probe.close();
  log(
    `  floor ${floor.ms.toFixed(1)} ms (fresh world ${freshFloorMs.toFixed(1)} ms; classifying walk ${freshClassifyingWalkMs.toFixed(1)} ms) over ${floor.nodes} text nodes; ${matches.length} names; settle ${settleMs} ms`,
  );

  const without = await tracedRuns(setup.plain, url, setup.runs, settleMs);
  const withExt = await tracedRuns(setup.extension, url, setup.runs, settleMs);
  log(`  main thread ${Math.round(without.mainThreadMs)} ms without, ${Math.round(withExt.mainThreadMs)} ms with`);

  // Latencies on untraced loads of their own, with a clock for the marks (a main-world
  // observer: never in a traced run); what was found and drawn, from the last of them.
  const latencies: Latency[] = [];
  let found = 0;
  let drawn = { count: 0, engine: '–' };
  for (let r = 0; r < setup.runs; r++) {
    const timed = await untracedLoad(setup.extension, setup.serviceWorker, url, settleMs);
    latencies.push(timed.latency);
    if (r === setup.runs - 1) {
      found = summaryTotal(await pageSummary(setup.serviceWorker, timed.page.url()));
      drawn = { count: timed.drawn, engine: timed.engine };
    }
    await timed.page.close();
  }
  const latency = medianLatency(latencies);

  let scrolling: PageBench['scrolling'];
  if (setup.scrolling) {
    scrolling = {
      without: await scrollingRuns(setup.plain, url, setup.runs, settleMs),
      with: await scrollingRuns(setup.extension, url, setup.runs, settleMs),
    };
    log(
      `  scrolling: ${Math.round(scrolling.with.perSecondMs)} ms/s with, ${Math.round(scrolling.without.perSecondMs)} ms/s without`,
    );
  }

  // Loaded with highlights off and switched on, on `runs` loads of its own like the loads
  // above (one switch is a few tasks, and their noise decided targets at their bound); each
  // is then scrolled through and switched off again, so switching off is a median too.
  const switchOns: Switching[] = [];
  const switchOffs: Switching[] = [];
  for (let r = 0; r < setup.runs; r++) {
    await setHighlightsEnabled(setup.serviceWorker, false);
    const toggled = await setup.extension.newPage();
    await toggled.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    switchOns.push(await measureSwitchOn(toggled, setup.serviceWorker, settleMs));
    switchOffs.push(await measureSwitchOff(toggled, setup.serviceWorker, settleMs));
    await setHighlightsEnabled(setup.serviceWorker, true);
    await toggled.close();
  }
  if (switchOns.length === 0) throw new Error('Switching was measured on no load (--runs 0)');
  const switchOn = medianSwitching(switchOns);
  const switchOff = medianSwitching(switchOffs);
  log(
    `  found ${found}, drawn ${drawn.count}; switch on ${Math.round(switchOn.mainThreadMs)} ms, off ${switchOff.marks} in ${Math.round(switchOff.spanMs)} ms`,
  );

  let markJs: PageBench['markJs'];
  if (setup.markCapMs > 0) {
    const run = async (how: 'mark' | 'markRegExp') => {
      const page = await setup.plain.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      const result = await runMarkJs(page, how, setup.aliases, setup.markCapMs);
      await page.close();
      log(
        `  mark.js ${how}: ${Math.round(result.ms)} ms${result.capped ? ' (capped)' : ''}, ${result.highlights} highlights`,
      );
      return result;
    };
    markJs = { regexp: await run('markRegExp'), mark: await run('mark') };
  }

  return {
    textChars: text.text.length,
    textNodes: floor.nodes,
    names: matches.length,
    floorMs: floor.ms,
    freshFloorMs,
    freshClassifyingWalkMs,
    wrapAll,
    without,
    with: withExt,
    found,
    drawnOnLoad: drawn.count,
    engine: drawn.engine,
    latency,
    switchOn,
    switchOff,
    markJs,
    scrolling,
  };
}
