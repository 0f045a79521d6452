/**
 * What ColumnLens costs a page: `npm run bench [-- <corpus dir>] [<corpus pages…>] [--pages N]
 * [--runs N] [--mark-cap S] [--clock cpu|wall] [--no-markjs] [--no-scrolling] [--no-scaling]
 * [--no-breakdown] [--generated-only]`.
 * Prints Markdown tables; not a test.
 *
 * Pages: a generated long news page (about 3,000 paragraphs and 1 MB of text naming the
 * glossary in all three scripts) and corpus pages, served with scripts stripped. A directory
 * argument is the corpus (default ../shared/corpus); without page paths (relative to it) the
 * `--pages` largest are taken (default 4: the most elements, then the largest by bytes, one
 * per folder: see `largestPages`). Per page,
 * in headless Chromium: the floor (one walk over the text nodes), traced loads without and
 * with the built extension (the browser's own task accounting), when highlights appear,
 * scrolling through the loaded page (with and without the extension), switching off, and mark.js `mark()` / `markRegExp()` with the same glossary. Then a scaling
 * table on the generated page: the bundled glossary, 1,000 and 10,000 aliases, and where the
 * content script's time goes there (a CPU profile of an unminified build).
 *
 * Build first: `npm run build` (COLUMNLENS_OUT_DIR selects another build).
 */
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildProfileVariant, profilePhases } from './lib/breakdown';
import { largestPages } from './lib/corpus';
import { assertBuildHasGlossary, bundledEntries, bundledMatcher } from './lib/glossary';
import { generatedNewsPage } from './lib/generated-page';
import { benchPage, settleMsFor, type BenchSetup, type PageBench } from './lib/page-bench';
import { contentScriptSize, fmtMs, fmtN, fmtSize, fmtTask, machineLine, table } from './lib/report';
import { scalingRows, type ScalingRow } from './lib/scaling';
import { SCROLL_SECONDS } from './lib/scrolling';
import { setHighlightsEnabled } from './lib/extension-settings';
import { checkTargets, targetsTable } from './lib/targets';
import { setTaskClock, type TaskClock } from './lib/trace';
import { CHROME_BUILD, launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { CORPUS_DIR, startServer } from '../e2e/harness/server';

const GENERATED_NAME = 'generated news page (3,000 paragraphs)';
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

function parseArgs(argv: string[]) {
  const args = {
    corpusDir: CORPUS_DIR,
    pages: [] as string[],
    pageCount: 4,
    runs: 3,
    markCapS: 60,
    markjs: true,
    scrolling: true,
    scaling: true,
    breakdown: true,
    generatedOnly: false,
    clock: 'cpu' as TaskClock,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--pages') args.pageCount = Number(argv[++i]);
    else if (arg === '--mark-cap') args.markCapS = Number(argv[++i]);
    else if (arg === '--no-markjs') args.markjs = false;
    else if (arg === '--no-scrolling') args.scrolling = false;
    else if (arg === '--clock') args.clock = argv[++i] === 'wall' ? 'wall' : 'cpu';
    else if (arg === '--no-scaling') args.scaling = false;
    else if (arg === '--no-breakdown') args.breakdown = false;
    else if (arg === '--generated-only') args.generatedOnly = true;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else if (existsSync(arg) && statSync(arg).isDirectory()) args.corpusDir = resolve(arg);
    else args.pages.push(arg);
  }
  if (!(args.runs >= 1)) throw new Error('--runs needs a number ≥ 1');
  if (!(args.pageCount >= 0)) throw new Error('--pages needs a number ≥ 0');
  if (!(args.markCapS > 0)) throw new Error('--mark-cap needs a number of seconds > 0');
  for (const page of args.pages) {
    if (!existsSync(join(args.corpusDir, page))) throw new Error(`No page ${page} in ${args.corpusDir}`);
  }
  const pages = args.generatedOnly ? [] : args.pages.length ? args.pages : largestPages(args.corpusDir, args.pageCount);
  return { ...args, pages };
}

const markJsCell = (r: NonNullable<PageBench['markJs']>['mark'], capS: number) =>
  `${r.capped ? `> ${capS} s (${r.aliasesDone} of the aliases)` : fmtMs(r.mainThreadMs)} / ${fmtMs(r.longestTaskMs)} / ${fmtN(r.highlights)}`;

/** Where the time goes on the generated page: profiled script phases, and the layout the marks add. */
function printBreakdown(phases: Map<string, number>, generated: PageBench): void {
  const total = [...phases.values()].reduce((a, b) => a + b, 0);
  const rows = [...phases]
    .sort((a, b) => b[1] - a[1])
    .map(([phase, ms]) => [phase, fmtMs(ms), `${Math.round((100 * ms) / total)} %`]);
  console.log("\n### Where the content script's time goes (generated page, CPU profile of an unminified build)\n");
  console.log(table(['phase', 'script time (profiled)', 'share'], rows));
  const layout = generated.with.layoutMs - generated.without.layoutMs;
  console.log(
    `\nStyle and layout added by the marks (traced, median): ${fmtMs(layout)}; the page's own: ${fmtMs(generated.without.layoutMs)}.`,
  );
}

function printTables(results: { name: string; bench: PageBench }[], scaling: ScalingRow[], capS: number): void {
  console.log('\n### ColumnLens while the page loads (traced, with the extension vs without)\n');
  console.log(
    table(
      [
        'page',
        'text (chars / nodes)',
        'names found / drawn on load',
        'floor walk (page world / first read in a fresh world)',
        'walk classifying every element (fresh world)',
        'main thread added',
        'extension tasks',
        'longest extension task',
        'longest task of any kind (with / without)',
        'first contentful paint (with / without)',
        'DOMContentLoaded (with / without)',
        'first highlight / read done / complete (untraced)',
        "extension's last task (traced)",
      ],
      results.map(({ name, bench: b }) => [
        name,
        `${fmtN(b.textChars)} / ${fmtN(b.textNodes)}`,
        `${fmtN(b.found)} / ${fmtN(b.drawnOnLoad)} (${b.engine})`,
        `${fmtMs(b.floorMs)} / ${fmtMs(b.freshFloorMs)}`,
        `${fmtMs(b.freshClassifyingWalkMs)} (${(b.freshClassifyingWalkMs / Math.max(b.freshFloorMs, 0.1)).toFixed(1)}× the floor)`,
        fmtMs(b.with.mainThreadMs - b.without.mainThreadMs),
        `${fmtMs(b.with.extensionMs)} in ${b.with.extensionTasks}`,
        fmtTask(b.with.longestExtensionTaskMs, b.with.longestExtensionTask),
        `${fmtMs(b.with.longestTaskMs)} / ${fmtMs(b.without.longestTaskMs)}`,
        `${fmtMs(b.with.contentfulPaintMs)} / ${fmtMs(b.without.contentfulPaintMs)}`,
        `${fmtMs(b.with.contentLoadedMs)} / ${fmtMs(b.without.contentLoadedMs)}`,
        [b.latency.firstHighlightMs, b.latency.readDoneMs, b.latency.completeMs].map(fmtMs).join(' / '),
        fmtMs(b.with.lastTaskAfterReadyMs),
      ]),
    ),
  );
  console.log(
    '\n### Switching on a loaded page, against mark.js on the same page (main-thread time / longest task / highlights)\n',
  );
  console.log(
    table(
      [
        'page',
        'ColumnLens on',
        'mark.js mark(), every alias',
        'mark.js markRegExp(), one pattern',
        'every name wrapped by hand (wrap + layout)',
        'ColumnLens off (after scrolling through)',
      ],
      results.map(({ name, bench: b }) => [
        name,
        `${fmtMs(b.switchOn.mainThreadMs)} / ${fmtMs(b.switchOn.longestTaskMs)} / ${fmtN(b.found)} found, ${fmtN(b.switchOn.marks)} drawn`,
        b.markJs ? markJsCell(b.markJs.mark, capS) : 'skipped',
        b.markJs ? markJsCell(b.markJs.regexp, capS) : 'skipped',
        `${fmtMs(b.wrapAll.wrapMs)} + ${fmtMs(b.wrapAll.layoutMs)}`,
        `${fmtMs(b.switchOff.mainThreadMs)} / ${fmtMs(b.switchOff.longestTaskMs)} / ${fmtN(b.switchOff.marks)} removed`,
      ]),
    ),
  );
  const scrolled = results.filter((r) => r.bench.scrolling);
  if (scrolled.length) {
    console.log(
      `\n### Scrolling through the loaded page (${SCROLL_SECONDS} s from the top, 40 px a frame; with the extension / without)\n`,
    );
    console.log(
      table(
        [
          'page',
          'main thread per second',
          'of which IntersectionObserver',
          'of which style and layout',
          'longest task',
          'frames per second',
          'highlights drawn by the end',
        ],
        scrolled.map(({ name, bench: b }) => {
          const { with: w, without: o } = b.scrolling!;
          const pair = (a: number, z: number) => `${fmtMs(a)} / ${fmtMs(z)}`;
          return [
            name,
            pair(w.perSecondMs, o.perSecondMs),
            pair(w.intersectionPerSecondMs, o.intersectionPerSecondMs),
            pair(w.layoutPerSecondMs, o.layoutPerSecondMs),
            pair(w.longestTaskMs, o.longestTaskMs),
            `${Math.round(w.framesPerSecond)} / ${Math.round(o.framesPerSecond)}`,
            fmtN(w.drawn),
          ];
        }),
      ),
    );
  }
  if (scaling.length) {
    console.log('\n### Glossary size (generated page)\n');
    console.log(
      table(
        [
          'glossary',
          'aliases',
          'extension tasks',
          'main thread added',
          'longest extension task',
          "extension's last task (traced)",
          'names found',
        ],
        scaling.map((r) => [
          r.label,
          fmtN(r.aliases),
          fmtMs(r.cost.extensionMs),
          fmtMs(r.addedMs),
          fmtTask(r.cost.longestExtensionTaskMs, r.cost.longestExtensionTask),
          fmtMs(r.cost.lastTaskAfterReadyMs),
          fmtN(r.found),
        ]),
      ),
    );
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  setTaskClock(args.clock);
  // Other work on the machine changes every wall-clock figure: sample the load during the run.
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0]!), 10_000);
  assertBuildHasGlossary(CHROME_BUILD);
  const entries = bundledEntries();
  const aliases = entries.flatMap((e) => [
    e.term,
    ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
  ]);
  const server = await startServer({ corpusDir: args.corpusDir });
  const withExtension = await launchWithExtension(undefined, { args: OFFLINE });
  const plain = await launchWithoutExtension({ args: OFFLINE });
  const setup: BenchSetup = {
    plain: plain.context,
    extension: withExtension.context,
    serviceWorker: withExtension.serviceWorker,
    matcher: bundledMatcher(),
    aliases,
    runs: args.runs,
    markCapMs: args.markjs ? args.markCapS * 1000 : 0,
    scrolling: args.scrolling,
  };
  const generated = server.setPage('generated-news', generatedNewsPage(entries));
  const pages = [
    { name: GENERATED_NAME, url: generated },
    ...args.pages.map((p) => ({ name: p, url: `${server.origin}/corpus/${p}` })),
  ];
  const results: { name: string; bench: PageBench }[] = [];
  const failed: string[] = [];
  let scaling: ScalingRow[] = [];
  let phases: Map<string, number> | undefined;
  try {
    for (const page of pages) {
      console.error(`${page.name}`);
      try {
        results.push({ name: page.name, bench: await benchPage(setup, page.url, (line) => console.error(line)) });
      } catch (error) {
        // One page that cannot be measured (a load timeout on this machine) leaves the others.
        console.error(`${page.name} failed:`, error);
        failed.push(page.name);
        process.exitCode = 1;
        await setHighlightsEnabled(withExtension.serviceWorker, true).catch(() => {});
      }
    }
    // A failure in the later sections still prints the per-page tables measured so far.
    try {
      if (args.scaling) scaling = await scalingRows(setup, generated, aliases.length, (line) => console.error(line));
    } catch (error) {
      console.error('scaling table failed:', error);
      process.exitCode = 1;
    }
    if (args.breakdown) {
      console.error('profiling an unminified build');
      try {
        const profiled = await launchWithExtension(buildProfileVariant(), { args: OFFLINE });
        try {
          phases = await profilePhases(profiled.context, generated, settleMsFor(2_000));
        } finally {
          await profiled.close();
        }
      } catch (error) {
        console.error('time breakdown failed:', error);
        process.exitCode = 1;
      }
    }
  } finally {
    await withExtension.close();
    await plain.close();
    await server.close();
  }
  clearInterval(sampler);
  const size = contentScriptSize(CHROME_BUILD);
  console.log(`\n${machineLine()}`);
  if (loads.length) {
    const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
    console.log(
      `Load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, mean ${mean.toFixed(1)}, on ${cpus().length} cores.`,
    );
  }
  console.log(
    `Medians of ${args.runs} runs (longest tasks: the worst run). Task durations on the ${args.clock === 'cpu' ? "main thread's CPU clock (the trace's thread time: what a task cost, without the time the OS gave the cores to other processes)" : 'wall clock'}; "first highlight", "read done" (the script's first report of the page's counts reaches the background), "complete" (the later of read done and the last highlight of the load) and "extension's last task" are wall-clock latencies from the start of DOMContentLoaded (negative: before it, while the page was parsed), the first three medians of ${args.runs} untraced loads of their own (a trace slows the renderer it records); first contentful paint and DOMContentLoaded are wall-clock times from navigation start, read from the page. Content script: ${size.files.join(' + ')}, ${fmtSize(size.rawBytes)} raw, ${fmtSize(size.gzipBytes)} gzipped.`,
  );
  if (failed.length) console.log(`Not measured (failed, see stderr): ${failed.join(', ')}.`);
  printTables(results, scaling, args.markCapS);
  const generatedResult = results.find((r) => r.name === GENERATED_NAME);
  if (phases && generatedResult) printBreakdown(phases, generatedResult.bench);
  console.log("\n### Issue 6's targets\n");
  console.log(targetsTable(checkTargets(results, scaling, size.gzipBytes, GENERATED_NAME)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
