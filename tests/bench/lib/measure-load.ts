/**
 * Loading one page under measurement: traced loads (with or without the extension), the
 * floor (a plain walk over the text nodes), the cost of wrapping every match by hand, and
 * when the first and last highlight appeared.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { classifyingWalk, readingRules } from './classifying-walk';
import { pageExpression } from './in-page';
import { mainThreadOf, startTrace, stopTrace } from './trace';
import { loadCost, type LoadCost } from './task-stats';

export const LOAD_TIMEOUT_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads `url` in a new tab while tracing, then waits `settleMs` without touching the page
 * (polling it would add tasks to the very thread being measured). Returns the page, open.
 */
export async function tracedLoad(
  context: BrowserContext,
  url: string,
  settleMs: number,
): Promise<{ page: Page; cost: LoadCost }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await sleep(settleMs);
  const cost = loadCost(mainThreadOf(await stopTrace(cdp), url));
  await cdp.detach();
  return { page, cost: { ...cost, ...(await loadTimes(page)) } };
}

/** First contentful paint, DOMContentLoaded and load of `page`, ms after navigation start (wall clock). */
export function loadTimes(
  page: Page,
): Promise<{ contentfulPaintMs?: number; contentLoadedMs?: number; loadMs?: number }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      contentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      contentLoadedMs: nav?.domContentLoadedEventStart,
      loadMs: nav?.loadEventStart,
    };
  });
}

/** The floor: one walk over every text node of the body, reading its text. Fastest of `runs`, in ms. */
export async function textWalkMs(page: Page, runs = 5): Promise<{ ms: number; nodes: number; chars: number }> {
  return page.evaluate((count) => {
    const times: number[] = [];
    let nodes = 0;
    let chars = 0;
    for (let r = 0; r < count; r++) {
      const started = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      nodes = 0;
      chars = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes++;
        chars += (node as Text).data.length;
      }
      times.push(performance.now() - started);
    }
    // The fastest walk: the one other work on the machine disturbed least.
    return { ms: Math.min(...times), nodes, chars };
  }, runs);
}

/** The floor walk as page source, for worlds `page.evaluate` does not reach; `tag` makes the source unique. */
export const walkSource = (tag: string) => `(() => {
  /* ${tag} */
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes++;
    chars += node.data.length;
  }
  return { ms: performance.now() - started, nodes, chars };
})()`;

/**
 * The floor as a content script meets it when switching on: the same walk, in a fresh
 * isolated world (what the browser gives each extension) on a page nothing has read yet.
 * The walk above runs in the page's own world, where from the second run on every node
 * already has its JavaScript object; a content script's world has none, and making one for
 * each node it touches is most of a first walk's cost. Whatever read the page before makes
 * a later walk cheaper, even in another world (most likely because the text's strings then
 * exist already and the nodes are warm in memory): walked after the page-world walks, a
 * fresh world took 40–80 % of the time it took on a load nothing had read (the four largest
 * corpus pages). So each sample is a load of its own, settled for `settleMs` like the page
 * that is switched on, walked first and once, with source of its own (no code compiled for
 * another sample serves it). Median of `runs` loads, in ms.
 */
export async function firstReadFloorMs(
  context: BrowserContext,
  url: string,
  runs: number,
  settleMs: number,
): Promise<number> {
  return firstWalkMs(context, url, runs, settleMs, (tag) => walkSource(`floor ${tag}`));
}

/**
 * The walk that classifies every element (classifying-walk.ts), measured like the floor
 * above: the first walk in a fresh isolated world, on a load of its own. Median of `runs`, in ms.
 */
export async function firstClassifyingWalkMs(
  context: BrowserContext,
  url: string,
  runs: number,
  settleMs: number,
): Promise<number> {
  const rules = readingRules();
  return firstWalkMs(
    context,
    url,
    runs,
    settleMs,
    (tag) => `/* classifying ${tag} */ ${pageExpression(classifyingWalk, rules)}`,
  );
}

/** `expression(tag)` (a walk returning `{ ms }`) evaluated first in a fresh world on each of `runs` loads; the median ms. */
async function firstWalkMs(
  context: BrowserContext,
  url: string,
  runs: number,
  settleMs: number,
  expression: (tag: string) => string,
): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const { ms } = (await evaluateOnNewLoad(context, url, settleMs, expression(`${r} ${Date.now()}`), `walk-${r}`)) as {
      ms: number;
    };
    times.push(ms);
  }
  return times.sort((a, b) => a - b)[runs >> 1]!;
}

/**
 * Loads `url` in a new page, lets it settle `settleMs`, and evaluates `expression` as the first
 * script of a fresh isolated world there (`evaluateInFreshWorld`); closes the page, returns the value.
 */
export async function evaluateOnNewLoad(
  context: BrowserContext,
  url: string,
  settleMs: number,
  expression: string,
  worldName: string,
): Promise<unknown> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await sleep(settleMs);
    return await evaluateInFreshWorld(page, expression, worldName);
  } finally {
    await page.close();
  }
}

/**
 * Evaluates `expression` in a new isolated world of `page`'s main frame (what the browser gives
 * each extension, with no node given a JavaScript object yet) and returns its value.
 */
export async function evaluateInFreshWorld(page: Page, expression: string, worldName: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName,
    })) as { executionContextId: number };
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
    })) as { result: { value: unknown } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * The unavoidable part: wrapping every match (global text offsets [start, end), each inside
 * one text node, sorted) in a <mark> with plain DOM calls, then the layout that follows.
 * Changes the page.
 */
export async function wrapAllMs(
  page: Page,
  matches: [number, number][],
): Promise<{ wrapMs: number; layoutMs: number }> {
  return page.evaluate((list) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const spans: { node: Text; at: number }[] = [];
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      spans.push({ node: node as Text, at: offset });
      offset += (node as Text).data.length;
    }
    const started = performance.now();
    // From the end backwards, so the offsets of earlier matches stay valid as nodes are split.
    let s = spans.length - 1;
    for (let i = list.length - 1; i >= 0; i--) {
      const [start, end] = list[i]!;
      while (s > 0 && spans[s]!.at > start) s--;
      const { node, at } = spans[s]!;
      const tail = node.splitText(start - at);
      tail.splitText(end - start);
      const mark = document.createElement('mark');
      tail.replaceWith(mark);
      mark.append(tail);
    }
    const wrapped = performance.now();
    void document.body.offsetHeight;
    return { wrapMs: wrapped - started, layoutMs: performance.now() - wrapped };
  }, matches);
}

/**
 * Records in the page when highlights appear (so only for an untraced run: it runs in the
 * page's world). Marks are seen by a mutation observer; CSS highlight ranges, which change no
 * DOM, by reading the registry's sizes once per frame.
 */
export const MARK_CLOCK = `(() => {
  const clock = (window.__markClock = { first: 0, last: 0, marks: 0, ranges: 0 });
  const seen = (now) => {
    clock.last = now;
    clock.first ||= now;
  };
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeName === 'MARK' && node.hasAttribute('data-glossary-id')) {
        clock.marks++;
        seen(performance.now());
      }
    }
  }).observe(document, { childList: true, subtree: true });
  const frame = () => {
    let ranges = 0;
    CSS.highlights?.forEach((h, name) => { if (name.startsWith('columnlens-')) ranges += h.size; });
    if (ranges !== clock.ranges) {
      clock.ranges = ranges;
      seen(performance.now());
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** When the first and last highlight appeared, in ms after DOMContentLoaded (undefined: none appeared), and how many are drawn. */
export async function markTimes(
  page: Page,
): Promise<{ firstAfterReadyMs?: number; lastAfterReadyMs?: number; drawn: number; engine: string }> {
  const { first, last, marks, ranges, ready } = await page.evaluate(() => {
    const clock = (window as unknown as { __markClock: { first: number; last: number; marks: number; ranges: number } })
      .__markClock;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      ...clock,
      marks: document.querySelectorAll('mark[data-glossary-id]').length,
      // From the event's start: ColumnLens draws the top of the page inside that event's task.
      ready: nav.domContentLoadedEventStart,
    };
  });
  const drawn = marks + ranges;
  // Which of the extension's two engines drew: marks (DOM) or CSS highlight ranges.
  const engine = ranges > 0 ? 'CSS highlights' : marks > 0 ? 'marks' : '–';
  return first
    ? { firstAfterReadyMs: first - ready, lastAfterReadyMs: last - ready, drawn, engine }
    : { drawn, engine };
}
