/**
 * The two drawing engines side by side: `npm run bench:engines -- [--runs N] [--heavy N]
 * [--engines dom,highlight,auto] [corpus pages…]`. Prints a Markdown table; not a test.
 *
 * Per page, traced loads in headless Chromium (the browser's own task accounting, as
 * `npm run bench`) with the engine forced through the hidden `local:debugEngine` item: the
 * main-thread time the extension adds, its scheduler slices (reading and drawing), the
 * longest rendering task after the first slice (the relayout marks cause lands there), style
 * and layout time, and when the last slice ended after DOMContentLoaded (lib/engine-trace.ts).
 * `--heavy N` installs a glossary of the page's own most
 * frequent words, so that about N occurrences are found: the "thousands of marks" case the
 * bundled glossary never makes on real pages. The bundled glossary is restored at the end.
 *
 * Build first: `npm run build` (COLUMNLENS_OUT_DIR selects another build).
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { EngineChoice } from '../../src/content/engine-choice';
import { drawingCost, type DrawingCost } from './lib/engine-trace';
import { setEngineChoice } from './lib/extension-settings';
import { pageExpression } from './lib/in-page';
import { LOAD_TIMEOUT_MS } from './lib/measure-load';
import { collectText, TEXT_PROBE, type PageText } from './lib/page-probes';
import { pageSummary, summaryTotal } from './lib/page-summary';
import { settleMsFor } from './lib/page-bench';
import { generatedNewsPage } from './lib/generated-page';
import { bundledEntries } from './lib/glossary';
import { fmtMs, fmtN, machineLine, table } from './lib/report';
import { median } from './lib/task-stats';
import { startTrace, stopTrace } from './lib/trace';
import { launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';

const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
/**
 * `generated`: the benchmark's generated news page (3,000 paragraphs naming the bundled
 * glossary); `log`: a 5 MB server log in one `<pre>` text node, with line breaks.
 */
const DEFAULT_PAGES = [
  'generated',
  'log',
  'llm-webkit/timeout_exception00511.html',
  'llm-webkit/timeout_exception00045.html',
  'webmainbench/WebMainBench_dataset_sample2-L2.html',
  'newspaper4k/cnn_test_nlp.html',
  'postlight/www.reddit.com--image.html',
];

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

function parseArgs(argv: string[]) {
  const args = { runs: 3, heavy: 0, engines: ['dom', 'highlight', 'auto'], pages: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--heavy') args.heavy = Number(argv[++i]);
    else if (arg === '--engines') args.engines = argv[++i]!.split(',');
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else args.pages.push(arg);
  }
  return { ...args, pages: args.pages.length ? args.pages : DEFAULT_PAGES };
}

/** A 5 MB log in one text node, a name every 12 lines, in three scripts. */
function giantLog(): string {
  const lines: string[] = [];
  const names = ['Nvidia', '英伟达', '輝達'];
  for (let i = 0, length = 0; length < 5_000_000; i++) {
    const line = `${String(i).padStart(7, '0')} worker-${i % 17} finished job ${i * 7919} in ${i % 1000} ms${i % 12 === 0 ? ` (${names[(i / 12) % 3]} driver)` : ''}`;
    lines.push(line);
    length += line.length + 1;
  }
  return `<!doctype html><meta charset="utf-8"><title>log</title><pre>${lines.join('\n')}</pre>`;
}

/** The page's most frequent words (Latin words, Han pairs) until they cover about `target` occurrences. */
function frequentWords(text: string, target: number): { words: string[]; covered: number } {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[A-Za-z]{4,}|[\u4e00-\u9fff]{2}/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const words: string[] = [];
  let covered = 0;
  for (const [word, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    if (covered >= target || words.length >= 60) break;
    words.push(word);
    covered += n;
  }
  return { words, covered };
}

let packInstalled = false;

/** Installs `words` as the reader's one imported pack (none when empty) and waits for the background to compile it. */
async function installWords(worker: Worker, words: string[]): Promise<void> {
  if (words.length === 0 && !packInstalled) return; // The bundled glossary alone: nothing to change.
  packInstalled = words.length > 0;
  const pack = {
    schemaVersion: 1,
    id: 'bench-engines',
    title: 'Engine benchmark',
    source: { title: 'Frequent words of the page', author: 'bench/engines.ts' },
    entries: words.map((term, i) => ({
      id: `word-${i}`,
      term,
      aliases: [],
      category: 'concept',
      context: { en: 'bench' },
    })),
  };
  const before = JSON.stringify(
    (await worker.evaluate(() => chrome.storage.local.get('compiledGlossary'))).compiledGlossary ?? null,
  ).length;
  await worker.evaluate((layer) => chrome.storage.local.set({ userGlossary: layer, userGlossary$: { v: 1 } }), {
    overlays: [],
    userPacks: words.length ? [pack] : [],
  });
  // Wait until the compiled glossary has changed and stays the same for a second.
  let last = before;
  for (let stable = 0, waited = 0; stable < 5 && waited < 120_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = JSON.stringify(
      (await worker.evaluate(() => chrome.storage.local.get('compiledGlossary'))).compiledGlossary ?? null,
    ).length;
    stable = now === last && now !== before ? stable + 1 : 0;
    last = now;
  }
}

/** Loads `url` in a new tab while tracing, waits `settleMs` without touching it; returns the page, open. */
async function tracedLoad(
  context: BrowserContext,
  url: string,
  settleMs: number,
): Promise<{ page: Page; cost: DrawingCost }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const cost = drawingCost(await stopTrace(cdp), url);
  await cdp.detach();
  return { page, cost };
}

/** Field by field median of several runs, except the longest tasks: the worst run counts. */
function medianOf(runs: readonly DrawingCost[]): DrawingCost {
  const pick = (key: keyof DrawingCost) => median(runs.map((r) => r[key])) ?? 0;
  return {
    slices: pick('slices'),
    sliceMs: pick('sliceMs'),
    longestSliceMs: Math.max(...runs.map((r) => r.longestSliceMs)),
    longestRenderMs: Math.max(...runs.map((r) => r.longestRenderMs)),
    longestAnyRenderMs: Math.max(...runs.map((r) => r.longestAnyRenderMs)),
    layoutMs: pick('layoutMs'),
    mainThreadMs: pick('mainThreadMs'),
    completeMs: median(runs.map((r) => r.completeMs)),
  };
}

/** What is drawn on `page`: marks, and painted ranges in our highlight registry entries. */
function drawn(page: Page): Promise<{ marks: number; ranges: number }> {
  return page.evaluate(() => {
    let ranges = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('columnlens-')) ranges += highlight.size;
    return { marks: document.querySelectorAll('mark[data-columnlens-start]').length, ranges };
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const [ext, plain, server] = await Promise.all([
    launchWithExtension(undefined, { args: OFFLINE }),
    launchWithoutExtension({ args: OFFLINE }),
    startServer(),
  ]);
  const rows: string[][] = [];
  try {
    const synthetic: Record<string, string> = {
      generated: server.setPage('generated-news', generatedNewsPage(bundledEntries())),
      log: server.setPage('giant-log', giantLog()),
    };
    for (const path of args.pages) {
      const url = synthetic[path] ?? `${server.origin}/corpus/${path}`;
      const probe = await plain.context.newPage();
      const started = Date.now();
      await probe.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      const settleMs = settleMsFor(Date.now() - started);
      const elements = await probe.evaluate(() => document.getElementsByTagName('*').length);
      const text = await probe.evaluate<PageText>(pageExpression(collectText, TEXT_PROBE));
      await probe.close();
      // Only text the extension reads (not scripts, styles, fields…), so every word is found.
      const readable = text.eligible.map(([start, end]) => text.text.slice(start, end)).join('\n');
      const heavy = args.heavy ? frequentWords(readable, args.heavy) : undefined;
      if (heavy)
        console.error(
          `  ${path}: glossary of ${heavy.words.length} frequent words, ${heavy.covered} occurrences in the text`,
        );
      await installWords(ext.serviceWorker, heavy?.words ?? []);
      const without: DrawingCost[] = [];
      for (let r = 0; r < args.runs; r++) {
        const { page, cost } = await tracedLoad(plain.context, url, settleMs);
        without.push(cost);
        await page.close();
      }
      const base = medianOf(without);
      for (const engine of args.engines) {
        await setEngineChoice(ext.serviceWorker, engine as EngineChoice);
        const costs: DrawingCost[] = [];
        const marks: number[] = [];
        const ranges: number[] = [];
        let found = 0;
        for (let r = 0; r < args.runs; r++) {
          const { page, cost } = await tracedLoad(ext.context, url, settleMs);
          costs.push(cost);
          const seen = await drawn(page);
          marks.push(seen.marks);
          ranges.push(seen.ranges);
          found = summaryTotal(await pageSummary(ext.serviceWorker, page.url()));
          await page.close();
        }
        const c = medianOf(costs);
        const m = median(marks) ?? 0;
        const g = median(ranges) ?? 0;
        rows.push([
          path,
          fmtN(elements),
          fmtN(found),
          engine,
          m > 0 ? `${fmtN(m)} marks` : g > 0 ? `${fmtN(g)} ranges` : '–',
          fmtMs(c.mainThreadMs - base.mainThreadMs),
          `${fmtMs(c.sliceMs)} in ${c.slices}`,
          fmtMs(c.longestSliceMs),
          `${fmtMs(c.longestRenderMs)} (page alone: ${fmtMs(base.longestAnyRenderMs)})`,
          fmtMs(c.layoutMs - base.layoutMs),
          fmtMs(c.completeMs),
        ]);
        console.error(`  ${path} ${engine}: ${rows[rows.length - 1]!.slice(4).join(' | ')}`);
      }
    }
  } finally {
    await setEngineChoice(ext.serviceWorker, 'auto').catch(() => {});
    await installWords(ext.serviceWorker, []).catch(() => {});
    await Promise.all([ext.close(), plain.close(), server.close()]);
  }
  console.log(`\n${machineLine()} · ${args.runs} run(s) per cell, medians (longest: worst run)\n`);
  console.log(
    table(
      [
        'page',
        'elements',
        'found',
        'engine',
        'drawn after load',
        'main thread added',
        'slices',
        'longest slice',
        'longest rendering task after the first slice',
        'style + layout added',
        'last slice after DOMContentLoaded',
      ],
      rows,
    ),
  );
}

await main();
