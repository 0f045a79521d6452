/**
 * The corpus sweep: `npm run sweep -- [corpus dir] [--sample N] [--only text]
 * [--with-past-failures] [--firefox]`.
 *
 * Loads every saved page of the corpus (scripts and inline handlers stripped by the test
 * server, so each load builds the same DOM) in a browser with the built extension, and checks
 * per page that
 * - the extension reports no error (console errors from its scripts, uncaught exceptions);
 * - title, <head>, form field values, scripts, styles and SVG are untouched;
 * - every highlight is a name of its entry, none sits in an excluded element, and every place
 *   the visible text names a glossary entry is highlighted (expected places are found in Node
 *   by the extension's own matcher over the text of the page loaded without the extension);
 * - after switching highlights off, `document.body.innerHTML` equals the same page loaded in
 *   the same browser without the extension;
 * - after switching on again, the same highlights return in the same places.
 * Prints one line per page, then every failure; exits 1 if any page failed.
 *
 * `--with-past-failures` adds the pages a full sweep once failed on (sweep-past-failures.ts) to
 * the sample or the pages `--only` picks.
 * `--firefox` runs the same checks in Firefox ESR (tests/bench/lib/sweep-firefox.ts).
 * Build first: `npm run build`, or `npm run build:firefox` (COLUMNLENS_OUT_DIR selects another
 * build).
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { listPages, samplePages } from '../bench/lib/corpus';
import { assertBuildHasGlossary, bundledEntries, bundledMatcher } from '../bench/lib/glossary';
import { chromiumSweepBrowsers } from '../bench/lib/sweep-chromium';
import { firefoxSweepBrowsers } from '../bench/lib/sweep-firefox';
import { sweepPage } from '../bench/lib/sweep-page';
import { withPastFailures } from '../bench/lib/sweep-past-failures';
import { CHROME_BUILD } from '../e2e/harness/chromium';
import { FIREFOX_BUILD } from '../e2e/harness/firefox';
import { CORPUS_DIR, startServer } from '../e2e/harness/server';

/** A hang detector, not a speed requirement: the largest pages take a few minutes in all. */
const PAGE_TIMEOUT_MS = 600_000;

interface Args {
  corpusDir: string;
  sample?: number;
  only?: string;
  pastFailures: boolean;
  firefox: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpusDir: CORPUS_DIR, pastFailures: false, firefox: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--sample') args.sample = Number(argv[++i]);
    else if (arg === '--only') args.only = argv[++i];
    else if (arg === '--with-past-failures') args.pastFailures = true;
    else if (arg === '--firefox') args.firefox = true;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else args.corpusDir = resolve(arg);
  }
  if (args.sample !== undefined && !(args.sample > 0)) throw new Error('--sample needs a positive number');
  return args;
}

/** Timings depend on what else runs: print them with the machine's load. */
const machineLoad = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const corpus = listPages(args.corpusDir);
  let pages = corpus;
  if (args.only) pages = pages.filter((p) => p.includes(args.only!));
  if (args.sample) pages = samplePages(pages, args.sample);
  if (args.pastFailures) pages = withPastFailures(pages, corpus);
  if (pages.length === 0) throw new Error(`No pages found in ${args.corpusDir}`);
  assertBuildHasGlossary(args.firefox ? FIREFOX_BUILD : CHROME_BUILD);

  const server = await startServer({ corpusDir: args.corpusDir });
  const common = {
    matcher: bundledMatcher(),
    categories: new Map(bundledEntries().map((e) => [e.id, e.category])),
  };
  const { browsers, build, close } = await (args.firefox ? firefoxSweepBrowsers : chromiumSweepBrowsers)(common);

  console.log(`Sweeping ${pages.length} pages of ${args.corpusDir} with ${build} (${machineLoad()})`);
  const failed: { page: string; failures: string[] }[] = [];
  let highlights = 0;
  let pagesWithHighlights = 0;
  const started = Date.now();
  try {
    for (const [i, page] of pages.entries()) {
      const t0 = Date.now();
      const url = `${server.origin}/corpus/${page.split('/').map(encodeURIComponent).join('/')}`;
      const result = await withTimeout(sweepPage(browsers, url), PAGE_TIMEOUT_MS, page).catch((error: Error) => ({
        highlights: 0,
        found: 0,
        cssRanges: 0,
        expected: 0,
        failures: [`sweep error: ${error.message}`],
      }));
      highlights += result.highlights;
      if (result.highlights > 0) pagesWithHighlights++;
      if (result.failures.length) failed.push({ page, failures: result.failures });
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      const verdict = result.failures.length ? 'FAIL' : 'ok  ';
      console.log(
        `${verdict} [${i + 1}/${pages.length}] ${page}  ${result.highlights} highlights drawn${result.cssRanges ? ' (CSS highlights)' : ''}, ${result.found} found, ${result.expected} places expected, ${seconds} s`,
      );
      for (const failure of result.failures) console.log(`       - ${failure}`);
    }
  } finally {
    await close();
    await server.close();
  }

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(
    `\n${pages.length} pages in ${minutes} min: ${pages.length - failed.length} passed, ${failed.length} failed (${machineLoad()})`,
  );
  console.log(`${highlights} highlights on ${pagesWithHighlights} pages`);
  for (const { page, failures } of failed) console.log(`FAILED ${page}\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
