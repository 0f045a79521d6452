/**
 * What ColumnLens costs a page: `npm run bench [-- <corpus pages…>] [--runs N] [--mark-cap S]
 * [--no-markjs] [--no-scaling] [--no-breakdown] [--generated-only]`. Prints Markdown tables; not a test.
 *
 * Pages: a generated long news page (about 3,000 paragraphs and 1 MB of text naming the
 * glossary in all three scripts) and corpus pages, by default the largest by size and by
 * element count (paths relative to ../shared/corpus, served with scripts stripped). Per page,
 * in headless Chromium: the floor (one walk over the text nodes), traced loads without and
 * with the built extension (the browser's own task accounting), when highlights appear,
 * switching off, and mark.js `mark()` / `markRegExp()` with the same glossary. Then a scaling
 * table on the generated page: the bundled glossary, 1,000 and 10,000 aliases, and where the
 * content script's time goes there (a CPU profile of an unminified build).
 *
 * Build first: `npm run build` (COLUMNLENS_OUT_DIR selects another build).
 */
import { buildProfileVariant, profilePhases } from './lib/breakdown';
import { assertBuildHasGlossary, bundledEntries, bundledMatcher } from './lib/glossary';
import { generatedNewsPage } from './lib/generated-page';
import { benchPage, settleMsFor, type BenchSetup, type PageBench } from './lib/page-bench';
import { contentScriptSize, fmtMs, fmtN, machineLine, table } from './lib/report';
import { scalingRows, type ScalingRow } from './lib/scaling';
import { CHROME_BUILD, launchWithExtension, launchWithoutExtension } from '../e2e/harness/chromium';
import { startServer } from '../e2e/harness/server';

const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
/** The largest corpus pages: by bytes (CNN, Reddit, a Chinese portal) and by elements (76k). */
const DEFAULT_PAGES = [
  'newspaper4k/cnn_test_nlp.html',
  'postlight/www.reddit.com--image.html',
  'webmainbench/WebMainBench_dataset_sample2-L2.html',
  'llm-webkit/timeout_exception00511.html',
];

function parseArgs(argv: string[]) {
  const args = {
    pages: [] as string[],
    runs: 3,
    markCapS: 60,
    markjs: true,
    scaling: true,
    breakdown: true,
    generatedOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--mark-cap') args.markCapS = Number(argv[++i]);
    else if (arg === '--no-markjs') args.markjs = false;
    else if (arg === '--no-scaling') args.scaling = false;
    else if (arg === '--no-breakdown') args.breakdown = false;
    else if (arg === '--generated-only') args.generatedOnly = true;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else args.pages.push(arg);
  }
  if (!(args.runs >= 1)) throw new Error('--runs needs a number ≥ 1');
  return { ...args, pages: args.generatedOnly ? [] : args.pages.length ? args.pages : DEFAULT_PAGES };
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
        'floor walk',
        'main thread added',
        'extension tasks',
        'longest extension task',
        'longest task after its start',
        'first highlight',
        'complete',
      ],
      results.map(({ name, bench: b }) => [
        name,
        `${fmtN(b.textChars)} / ${fmtN(b.textNodes)}`,
        `${fmtN(b.found)} / ${fmtN(b.drawnOnLoad)} (${b.engine})`,
        fmtMs(b.floorMs),
        fmtMs(b.with.mainThreadMs - b.without.mainThreadMs),
        `${fmtMs(b.with.extensionMs)} in ${b.with.extensionTasks}`,
        fmtMs(b.with.longestExtensionTaskMs),
        fmtMs(b.with.longestTaskAfterStartMs),
        fmtMs(b.firstAfterReadyMs),
        fmtMs(b.with.completeAfterReadyMs),
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
          'complete',
          'names found',
        ],
        scaling.map((r) => [
          r.label,
          fmtN(r.aliases),
          fmtMs(r.cost.extensionMs),
          fmtMs(r.addedMs),
          fmtMs(r.cost.longestExtensionTaskMs),
          fmtMs(r.cost.completeAfterReadyMs),
          fmtN(r.found),
        ]),
      ),
    );
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  assertBuildHasGlossary(CHROME_BUILD);
  const entries = bundledEntries();
  const aliases = entries.flatMap((e) => [
    e.term,
    ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
  ]);
  const server = await startServer();
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
  };
  const generated = server.setPage('generated-news', generatedNewsPage(entries));
  const pages = [
    { name: 'generated news page (3,000 paragraphs)', url: generated },
    ...args.pages.map((p) => ({ name: p, url: `${server.origin}/corpus/${p}` })),
  ];
  const results: { name: string; bench: PageBench }[] = [];
  let scaling: ScalingRow[] = [];
  let phases: Map<string, number> | undefined;
  try {
    for (const page of pages) {
      console.error(`${page.name}`);
      results.push({ name: page.name, bench: await benchPage(setup, page.url, (line) => console.error(line)) });
    }
    if (args.scaling) scaling = await scalingRows(setup, generated, aliases.length, (line) => console.error(line));
    if (args.breakdown) {
      console.error('profiling an unminified build');
      const profiled = await launchWithExtension(buildProfileVariant(), { args: OFFLINE });
      try {
        phases = await profilePhases(profiled.context, generated, settleMsFor(2_000));
      } finally {
        await profiled.close();
      }
    }
  } finally {
    await withExtension.close();
    await plain.close();
    await server.close();
  }
  const size = contentScriptSize(CHROME_BUILD);
  console.log(`\n${machineLine()}`);
  console.log(
    `Medians of ${args.runs} runs (longest tasks: the worst run). Content script: ${size.files.join(' + ')}, ${size.rawKb.toFixed(1)} kB, ${size.gzipKb.toFixed(1)} kB gzipped.`,
  );
  printTables(results, scaling, args.markCapS);
  if (phases) printBreakdown(phases, results[0]!.bench);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
