/**
 * Pages whose body is one 5 MB text node naming glossary entries all along: prose, and a
 * server log of 105,000 short lines; and a log the page appends line by line, as many text
 * nodes. The extension must highlight every name without
 * freezing the page. How long the page was blocked is read
 * from a Chromium trace of the load, in CPU time (each task's thread time): what the tasks
 * cost, not how long the OS left the browser waiting for a core. A timer in the page measured
 * the latter too, and on a busy CI machine its gaps grew past any fair limit while the
 * browser's own long-task records stayed empty.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setHighlightsEnabled } from '../bench/lib/extension-settings';
import { mainThreadOf, startTrace, stopTrace, type MainThread, type TraceEvent } from '../bench/lib/trace';
import { loadCost } from '../bench/lib/task-stats';
import { pageSummary, summaryTotal } from '../bench/lib/page-summary';
import { watchExtensionErrors } from '../bench/lib/extension-errors';
import { bundledMatcher } from '../bench/lib/glossary';
import { waitForHighlights } from '../bench/lib/highlight-wait';
import { chromiumSuite } from './harness/suite';

/** Longest main-thread block the reader may notice: a response within 100 ms feels immediate (RAIL). */
const RESPONSIVE_MS = 100;

/** About 5 MB of prose in the three scripts, naming a glossary entry every couple of kilobytes. */
function hugeText(): string {
  const filler = [
    '市場分析師表示，這一輪投資熱潮仍在持續，許多公司加緊招聘工程師。',
    '分析人士认为，新规定将影响明年的供应链安排和价格。',
    'Analysts said the new rules would reshape supply chains over the coming year. ',
  ];
  const names = [
    '輝達的新產品再次成為焦點。',
    '英伟达的数据中心业务继续增长。',
    'Nvidia and Baidu were named in the report. ',
  ];
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 5 * 1024 * 1024; i++) {
    const sentence = i % 30 === 29 ? names[((i / 30) % names.length) | 0]! : filler[i % filler.length]!;
    parts.push(sentence);
    bytes += Buffer.byteLength(sentence);
  }
  return parts.join('');
}

/**
 * A 5 MB server log in one `<pre>`: 105,000 lines, a name every 12th. A range's box in such a
 * node costs Chromium a pass over all its lines (2.4–4.4 ms each), and the log names many more
 * entries than a screen can show.
 */
function hugeLog(): string {
  const names = ['Nvidia', '英伟达', '輝達'];
  const lines: string[] = [];
  for (let i = 0, length = 0; length < 5_000_000; i++) {
    const name = i % 12 === 0 ? ` (${names[(i / 12) % 3]} driver)` : '';
    const line = `${String(i).padStart(7, '0')} worker-${i % 17} finished job ${i * 7919} in ${i % 1000} ms${name}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** Issue 6: no task of the extension's over 50 ms on any page. */
const LONGEST_TASK_MS = 50;

/** Loads of the page without the extension that the browser's own work is measured over. */
const PLAIN_LOADS = 3;

/** Longest task (CPU ms) that started after `from` (µs, trace clock). */
function longestFrom(thread: MainThread, from: number): number {
  return Math.max(0, ...thread.tasks.filter((t) => t.start >= from).map((t) => t.cpu / 1000));
}

/** Longest pre-paint (CPU ms) on `thread`: the browser preparing the page's paint, in any task. */
function longestPrePaint(events: readonly TraceEvent[], thread: MainThread): number {
  const ours = events.filter((e) => e.name === 'PrePaint' && e.pid === thread.pid && e.tid === thread.tid);
  return Math.max(0, ...ours.map((e) => (e.tdur ?? e.dur ?? 0) / 1000));
}

describe('a page that is one 5 MB text node', () => {
  const suite = chromiumSuite();
  let url: string;
  let text: string;
  let logUrl: string;
  let log: string;
  beforeAll(async () => {
    text = hugeText();
    url = suite.server.setPage(
      'hostile-huge-text',
      `<!doctype html><html><head><meta charset="utf-8"><title>Huge</title></head><body><p id="huge">${text}</p></body></html>`,
    );
    log = hugeLog();
    logUrl = suite.server.setPage(
      'hostile-huge-log',
      `<!doctype html><html><head><meta charset="utf-8"><title>Log</title></head><body><pre id="huge">${log}</pre></body></html>`,
    );
  });

  /**
   * Loads the page while tracing, waits for the highlights to settle (`min` of them), and reads
   * the trace. The polls are tiny tasks of their own and cannot lengthen another task.
   */
  async function tracedLoad(enabled: boolean, min: number, at = url) {
    await setHighlightsEnabled(suite.browser.serviceWorker, enabled);
    const page = await suite.browser.context.newPage();
    const errors: string[] = [];
    watchExtensionErrors(page, errors, suite.browser.extensionId);
    const cdp = await suite.browser.context.newCDPSession(page);
    await startTrace(cdp);
    await page.goto(at, { waitUntil: 'load', timeout: 60_000 });
    const settled = await waitForHighlights(page, { min, quietMs: 2_000, timeoutMs: 120_000 });
    const events = await stopTrace(cdp);
    const thread = mainThreadOf(events, at);
    await cdp.detach();
    return { page, errors, settled, thread, prePaint: longestPrePaint(events, thread) };
  }

  it('highlights every name and keeps the page responsive', { timeout: 240_000 }, async () => {
    const expected = bundledMatcher().scan(text).length;
    expect(expected).toBeGreaterThan(1_000);

    // The page alone, over three loads: the browser's pre-paint of this node varies about 2x
    // from load to load (64–110 ms measured), so one load is no yardstick for another.
    let pageOwn = 0;
    let ownPrePaint = 0;
    for (let load = 0; load < PLAIN_LOADS; load++) {
      const plain = await tracedLoad(false, 0);
      await plain.page.close();
      // The page's own worst task once loaded (its parsing and first layout come before).
      pageOwn = Math.max(pageOwn, longestFrom(plain.thread, plain.thread.load ?? 0));
      // Pre-painting this text node once, which the page's own load does too (tens of ms for
      // 5 MB): the browser does it again whenever anything in the node changes how it paints,
      // a highlight included, and may do it after our script has started.
      ownPrePaint = Math.max(ownPrePaint, plain.prePaint);
    }

    const { page, errors, settled, thread } = await tracedLoad(true, 1);
    const cost = loadCost(thread);
    const firstOurs = thread.tasks.find((t) => t.extension)?.start ?? Infinity;
    const afterStart = longestFrom(thread, firstOurs);
    const found = summaryTotal(await pageSummary(suite.browser.serviceWorker, url));
    console.log(
      `5 MB text node: ${found} of ${expected} names found, ${settled.count} painted near the viewport; extension ` +
        `${Math.round(cost.extensionMs)} ms CPU in ${cost.extensionTasks} tasks, longest ${cost.longestExtensionTaskMs.toFixed(1)} ms; ` +
        `longest task of any kind from its start ${afterStart.toFixed(1)} ms (the page's own after load: ${pageOwn.toFixed(1)} ms; ` +
        `its longest pre-paint in ${PLAIN_LOADS} loads: ${ownPrePaint.toFixed(1)} ms)`,
    );
    expect(settled.timedOut).toBe(false);
    // Every name is counted; only those within a screen of the viewport are painted.
    expect(found).toBe(expected);
    expect(settled.count).toBeGreaterThan(0);
    expect(settled.count).toBeLessThan(expected / 10);
    // The work was sliced: many tasks, none of them long (one pass over 5 MB would take seconds).
    expect(cost.extensionTasks).toBeGreaterThan(10);
    expect(cost.longestExtensionTaskMs).toBeLessThan(LONGEST_TASK_MS);
    // Nor did painting the highlights make the browser's own work (style, paint) block the page:
    // no task longer than a response should take, or than pre-painting the text once more (with
    // half again as margin). Every painted range adds to the pre-paint: all 2,848 of them in
    // this node made it 160 ms, which is why only those near the viewport are painted.
    expect(afterStart).toBeLessThan(Math.max(RESPONSIVE_MS, pageOwn + RESPONSIVE_MS, 1.5 * ownPrePaint));

    await followsToTheEndAndLeavesNoTrace(page, `<p id="huge">${text}</p>`, text.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints a 5 MB log where the reader is without a long task', { timeout: 240_000 }, async () => {
    const expected = bundledMatcher().scan(log).length;
    expect(expected).toBeGreaterThan(8_000);
    const { page, errors, settled, thread } = await tracedLoad(true, 1, logUrl);
    const cost = loadCost(thread);
    const found = summaryTotal(await pageSummary(suite.browser.serviceWorker, logUrl));
    console.log(
      `5 MB log: ${found} of ${expected} names found, ${settled.count} painted near the viewport; extension ` +
        `${Math.round(cost.extensionMs)} ms CPU in ${cost.extensionTasks} tasks, longest ${cost.longestExtensionTaskMs.toFixed(1)} ms`,
    );
    expect(settled.timedOut).toBe(false);
    expect(found).toBe(expected);
    expect(settled.count).toBeGreaterThan(0);
    expect(settled.count).toBeLessThan(expected / 10);
    // Finding the window by a binary search over the lines' boxes took 65–81 ms in one task
    // (each box a pass over 105,000 lines); read within a budget per task, 8.5–12.3 ms.
    expect(cost.longestExtensionTaskMs).toBeLessThan(LONGEST_TASK_MS);
    await followsToTheEndAndLeavesNoTrace(page, `<pre id="huge">${log}</pre>`, log.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['one text node', (line: string) => `document.createTextNode(${line})`],
    ['one span', (line: string) => `Object.assign(document.createElement('span'), { textContent: ${line} })`],
  ])(
    'paints a log the page appended line by line, %s per line, near the reader',
    { timeout: 240_000 },
    async (kind, create) => {
      // Browsers lay such a run out as one text: marks in it would each lay out all of it again.
      const lines = log.split('\n').slice(0, 30_000);
      const joined = lines.join('\n');
      expect(joined.length).toBeGreaterThan(1_000_000);
      const expected = bundledMatcher().scan(joined).length;
      const appendedUrl = suite.server.setPage(
        `hostile-appended-log-${kind.replaceAll(' ', '-')}`,
        `<!doctype html><html><head><meta charset="utf-8"><title>Appended log</title></head><body><pre id="huge"></pre>` +
          `<script>const pre = document.getElementById('huge'); const lines = ${JSON.stringify(lines)};` +
          `lines.forEach((line, i) => pre.append(${create("i ? '\\n' + line : line")}));</script></body></html>`,
      );
      const { page, errors, settled, thread } = await tracedLoad(true, 1, appendedUrl);
      const cost = loadCost(thread);
      const found = summaryTotal(await pageSummary(suite.browser.serviceWorker, appendedUrl));
      console.log(
        `appended log (${kind} per line): ${found} of ${expected} names found, ${settled.count} painted near the viewport; extension ` +
          `${Math.round(cost.extensionMs)} ms CPU in ${cost.extensionTasks} tasks, longest ${cost.longestExtensionTaskMs.toFixed(1)} ms`,
      );
      expect(await page.evaluate(() => document.getElementById('huge')!.childNodes.length)).toBe(lines.length);
      expect(found).toBe(expected);
      expect(settled.count).toBeGreaterThan(0);
      expect(settled.count).toBeLessThan(expected / 10);
      expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
      expect(cost.longestExtensionTaskMs).toBeLessThan(LONGEST_TASK_MS);
      // The window follows the reader to the last lines.
      const lastPaintedLine = () =>
        page.evaluate(() => {
          const pre = document.getElementById('huge')!;
          const nodes = [...pre.childNodes];
          // The line a range is in: the text node, or the span around it.
          const lineOf = (node: Node) => {
            while (node.parentNode && node.parentNode !== pre) node = node.parentNode;
            return nodes.indexOf(node as ChildNode);
          };
          let last = -1;
          CSS.highlights.forEach((highlight, name) => {
            if (!String(name).startsWith('columnlens-')) return;
            for (const range of highlight as unknown as Set<AbstractRange>)
              last = Math.max(last, lineOf(range.startContainer));
          });
          return last;
        });
      expect(await lastPaintedLine()).toBeLessThan(lines.length / 2);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(lastPaintedLine, { timeout: 10_000 }).toBeGreaterThan(lines.length - 200);
      await setHighlightsEnabled(suite.browser.serviceWorker, false);
      expect((await waitForHighlights(page, { exact: 0, timeoutMs: 60_000 })).timedOut).toBe(false);
      expect(await page.evaluate(() => document.getElementById('huge')!.childNodes.length)).toBe(lines.length);
      expect(await page.evaluate(() => document.getElementById('huge')!.textContent)).toBe(joined);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  /**
   * The painted window follows the reader to the end of the text; switching off takes every
   * highlight back, and the element is as the page made it.
   */
  async function followsToTheEndAndLeavesNoTrace(page: Page, html: string, length: number) {
    const paintedEnd = () =>
      page.evaluate(() => {
        let end = 0;
        CSS.highlights.forEach((highlight, name) => {
          if (!String(name).startsWith('columnlens-')) return;
          for (const range of highlight as unknown as Set<AbstractRange>) end = Math.max(end, range.endOffset);
        });
        return end;
      });
    expect(await paintedEnd()).toBeLessThan(length / 2);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(paintedEnd, { timeout: 10_000 }).toBeGreaterThan(length - 10_000);

    await setHighlightsEnabled(suite.browser.serviceWorker, false);
    expect((await waitForHighlights(page, { exact: 0, timeoutMs: 60_000 })).timedOut).toBe(false);
    expect(await page.evaluate(() => document.getElementById('huge')!.outerHTML)).toBe(html);
  }
});
